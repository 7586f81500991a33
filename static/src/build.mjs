// Builds static/build/ from GOV.UK Frontend: our stylesheet (with the OPCC's own font stack, not
// GOV.UK's Transport typeface) and the Frontend JavaScript bundle. Run by `make assets`.
import { compile } from "sass";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = join(root, "static", "build");
const frontend = join(root, "node_modules", "govuk-frontend", "dist");

mkdirSync(out, { recursive: true });
const css = compile(join(root, "static", "src", "portal.scss"), {
  loadPaths: [frontend],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "slash-div", "if-function"],
});
writeFileSync(join(out, "portal.css"), css.css);
// The bundle names a source map that is not shipped; Django's manifest storage (collectstatic in
// production) refuses a reference to a file that does not exist, so the comment goes.
const bundle = readFileSync(join(frontend, "govuk", "all.bundle.js"), "utf8");
writeFileSync(
  join(out, "govuk-frontend.js"),
  bundle.replace(/^\/\/# sourceMappingURL=.*$/m, "").trimEnd() + "\n",
);
console.log(`built ${out}`);
