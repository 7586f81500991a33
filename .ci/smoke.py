"""CI's production smoke test, against a portal started by deploy/portal (gunicorn, a Celery worker
and beat) with production settings on PostgreSQL and Redis.

    python .ci/smoke.py prepare               # in a throwaway database: a staff account with an
                                              # authenticator app, a signed decision, a meeting
    python .ci/smoke.py run --base URL        # over HTTP, as staff and the public would
    python .ci/smoke.py compare --base URL    # after a restore: the same pages and PDFs

`prepare` writes what `run` needs to var/smoke.json; `run` writes the checksums of what it fetched
to var/smoke-fetched.json for `compare`. Exits non-zero, saying why, on the first failure.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE = ROOT / "var" / "smoke.json"
FETCHED = ROOT / "var" / "smoke-fetched.json"
HOST = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0]
SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=",
    "Content-Security-Policy": "object-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


def fail(message):
    print(f"SMOKE FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def step(message):
    print(f"--> {message}", flush=True)


# --- prepare: the data a deployment would have, made through the portal's own services ---------
def prepare():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcc_portal.settings")
    import datetime

    import django

    django.setup()
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from decisions import services as decisions
    from decisions.models import Decision
    from panel.models import AgendaItem, Meeting, Panel, Report
    from panel.services import meetings
    from pcc_portal.accounts import roles
    from pcc_portal.accounts.models import Office, OfficeHolding

    password = secrets.token_urlsafe(18)
    secret = generate_totp_secret()
    with transaction.atomic():
        users = get_user_model().objects
        author = users.create_user("smoke-author", "author@pcc.example.org", password)
        author.groups.add(Group.objects.get(name=roles.EDITOR))
        staff = users.create_user("smoke-staff", "staff@pcc.example.org", password)
        staff.groups.add(
            Group.objects.get(name=roles.DECISION_MAKER),
            Group.objects.get(name=roles.PANEL_SECRETARY),
        )
        TOTP.activate(staff, secret)
        # Each step by the holder of its office: the staff user is the Commissioner, and the
        # monitoring officer and the chief finance officer declare.
        since = timezone.localdate() - datetime.timedelta(days=365)
        officers = {}
        for kind in (
            Office.Kind.COMMISSIONER,
            Office.Kind.MONITORING_OFFICER,
            Office.Kind.CHIEF_FINANCE_OFFICER,
        ):
            holder = staff
            if kind != Office.Kind.COMMISSIONER:
                holder = users.create_user(f"smoke-{kind}", f"{kind}@pcc.example.org", password)
                holder.groups.add(Group.objects.get(name=roles.STATUTORY_OFFICER))
            office = Office.objects.get(kind=kind)
            OfficeHolding.objects.create(user=holder, office=office, starts_on=since)
            officers[kind] = holder

        decision = Decision.objects.create(
            title="Community Safety Partnerships Funding 2021/22",
            report_by="Head of Governance",
            executive_summary="Grants to the community safety partnerships of Lancashire.",
            recommendation="That the Commissioner approves the grants set out in the report.",
            background="Each partnership bid for funding against the police and crime plan.",
            legal_implications="The Commissioner may make crime and disorder reduction grants.",
            financial_implications="Met from the community safety budget for 2021/22.",
            equality_implications="No adverse impact identified.",
            consultation_implications="The partnerships were consulted on their bids.",
            priority_scope="all",
            decision_maker=Office.objects.get(kind=Office.Kind.COMMISSIONER),
        )
        decisions.submit_decision(decision=decision, by=author)
        decisions.declare_decision(decision=decision, by=officers[Office.Kind.MONITORING_OFFICER])
        decisions.declare_decision_finance(
            decision=decision, by=officers[Office.Kind.CHIEF_FINANCE_OFFICER]
        )
        decisions.sign_decision(decision=decision, by=staff)

        panel = Panel.objects.create(
            name="Police & Crime Panel for Lancashire",
            host_authority="Blackburn with Darwen Borough Council",
            secretary_name="Panel Secretary",
            secretary_email="secretary@panel.example.org",
        )
        meeting = meetings.create_meeting(
            meeting=Meeting(
                panel=panel,
                date=timezone.localdate() + datetime.timedelta(days=21),
                start_time=datetime.time(10, 0),
                venue="County Hall, Preston",
            )
        )
        item = meetings.add_item(
            meeting=meeting, item=AgendaItem(title="Commissioner's update", kind="report")
        )
        report = Report.objects.create(
            meeting=meeting,
            title="Commissioner's update",
            contact="Office of the Police and Crime Commissioner",
            executive_summary="The Commissioner's update on the police and crime plan.",
            recommendation="The Panel is asked to note the report.",
            body="## Background\n\nThe Commissioner reports on delivery since the last meeting.",
        )
        meetings.add_report_paper(item=item, report=report)

    STATE.parent.mkdir(parents=True, exist_ok=True)
    STATE.write_text(
        json.dumps(
            {
                "username": staff.username,
                "password": password,
                "secret": secret,
                "decision": decision.pk,
                "decision_url": decision.get_absolute_url(),
                "decision_pdf": decision.get_pdf_url(),
                "meeting": meeting.pk,
                "meeting_url": meeting.get_absolute_url(),
            }
        )
    )
    step(f"prepared {decision.reference} and the meeting of {meeting.date:%-d %B %Y}")


# --- run: over HTTP only, through the proxy's HTTPS as a browser would ------------------------
class Browser:
    """Just enough of a browser: cookies by name (the portal's are `__Host-` and Secure, which a
    plain-HTTP cookie jar would not send back), the proxy's headers, no redirects followed."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.cookies = {}

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            self.base + path, data=body, method="POST" if body else "GET"
        )
        request.add_header("Host", HOST)
        request.add_header("X-Forwarded-Proto", "https")
        if body:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
            request.add_header("Referer", f"https://{HOST}{path}")
            request.add_header("Origin", f"https://{HOST}")
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers, content

    def get(self, path, expect=200):
        status, headers, content = self.request(path)
        if status != expect:
            fail(f"GET {path} answered {status}, not {expect}")
        return headers, content

    def post_form(self, form_path, action, fields):
        _, page = self.get(form_path)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if not token:
            fail(f"{form_path} has no form with a CSRF token")
        status, headers, content = self.request(
            action, {"csrfmiddlewaretoken": token.group(1).decode(), **fields}
        )
        return status, headers, content


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def totp(secret, at=None):
    counter = int((at or time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def fresh_code_window(margin=5):
    """Wait out the current 30-second window if it ends within ``margin`` seconds: the portal
    accepts only the current code, so one read at the very end of its window may be stale by
    the time the request reaches it (a loaded CI machine answers slowly)."""
    left = 30 - time.time() % 30
    if left < margin:
        time.sleep(left + 1)


def wait_for(what, check, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(1)
    fail(f"{what} did not happen within {timeout} s")


def run(base):
    state = json.loads(STATE.read_text())
    browser = Browser(base)

    step("the admin's own sign-in sends people to the two-factor sign-in")
    status, headers, _ = Browser(base).request("/admin/login/")
    if status != 302 or not headers["Location"].startswith("/accounts/login/"):
        fail(f"/admin/login/ answered {status} to {headers.get('Location')}")

    step("a staff user signs in with a password and a real TOTP code")
    status, headers, _ = browser.post_form(
        "/accounts/login/",
        "/accounts/login/",
        {"login": state["username"], "password": state["password"]},
    )
    if status != 302 or "/accounts/2fa/authenticate/" not in headers["Location"]:
        fail(f"the password step answered {status} to {headers.get('Location')}")
    fresh_code_window()
    status, headers, _ = browser.post_form(
        "/accounts/2fa/authenticate/",
        "/accounts/2fa/authenticate/",
        {"code": totp(state["secret"])},
    )
    if status != 302:
        fail(f"the TOTP code was not accepted ({status})")
    browser.get("/manage/")

    step("they publish the signed decision, giving a new code first; the worker renders it")
    status, headers, _ = browser.post_form(
        f"/manage/decisions/{state['decision']}/",
        f"/manage/decisions/{state['decision']}/publish/",
        {"change_note": "First publication", "confirm": "on"},
    )
    reauthenticate = headers.get("Location", "") if status == 302 else ""
    if not reauthenticate.startswith("/accounts/2fa/reauthenticate/"):
        fail(f"publishing did not ask for a code again: {status} to {headers.get('Location')}")
    # A code is accepted once: wait for the authenticator's next one after the sign-in's.
    time.sleep(30 - time.time() % 30 + 1)
    status, headers, _ = browser.post_form(
        reauthenticate, reauthenticate, {"code": totp(state["secret"])}
    )
    if status != 302 or headers.get("Location") != f"/manage/decisions/{state['decision']}/":
        fail(f"publishing after the code answered {status} to {headers.get('Location')}")
    public = Browser(base)
    wait_for(
        "the decision's PDF",
        lambda: public.request(state["decision_pdf"])[0] == 200,
        timeout=180,
    )
    _, pdf = public.get(state["decision_pdf"])
    if not pdf.startswith(b"%PDF-"):
        fail("the decision's PDF is not a PDF")

    step("they check what the meeting's agenda pack makes public, publish it; the worker builds it")
    check = f"/manage/panel/meetings/{state['meeting']}/pack/publish/"
    _, page = browser.get(check)
    if b"What becomes public" not in page:
        fail("the pack's check page does not say what becomes public")
    status, _, _ = browser.post_form(check, check, {"change_note": "Agenda published"})
    if status != 400:
        fail(f"publishing the pack without confirming the check answered {status}, not 400")
    status, _, _ = browser.post_form(
        check, check, {"change_note": "Agenda published", "confirm": "on"}
    )
    if status != 302:
        fail(f"publishing the pack answered {status}")

    def pack_ready():
        _, _, body = browser.request(f"/manage/panel/meetings/{state['meeting']}/pack/status.json")
        build = json.loads(body)
        if build.get("status") in ("failed", "dead"):
            fail(f"the pack build failed: {build.get('error')}")
        return build.get("status") == "ready"

    wait_for("the agenda pack", pack_ready, timeout=300)
    pack = f"{state['meeting_url']}pack.pdf"
    _, pdf = public.get(pack)
    if not pdf.startswith(b"%PDF-"):
        fail("the agenda pack is not a PDF")

    step("the public pages answer, with the security headers and hashed static files")
    pages = [
        "/",
        "/plans/",
        "/decisions/",
        state["decision_url"],
        "/decisions.csv",
        "/panel/members/",
        "/panel/meetings/",
        state["meeting_url"],
        "/performance/",
        "/transparency/",
        "/search/?q=partnerships",
        "/sitemap.xml",
        "/accessibility/",
    ]
    fetched = {}
    for path in pages:
        headers, content = public.get(path)
        for name, expected in SECURITY_HEADERS.items():
            if expected not in (headers.get(name) or ""):
                fail(f"{path} lacks {name}: {expected}")
        fetched[path] = hashlib.sha256(content).hexdigest()
    fetched[state["decision_pdf"]] = hashlib.sha256(
        public.get(state["decision_pdf"])[1]
    ).hexdigest()
    fetched[pack] = hashlib.sha256(public.get(pack)[1]).hexdigest()

    _, home = public.get("/")
    assets = set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', home))
    if not assets:
        fail("the home page links no static files")
    for asset in sorted(assets):
        path = asset.decode()
        if not re.search(r"\.[0-9a-f]{12}\.\w+$", path):
            fail(f"{path} is not a hashed file name (the manifest storage is not in use)")
        headers, _ = public.get(path)
        if "immutable" not in (headers.get("Cache-Control") or ""):
            fail(f"{path} is not served as immutable: {headers.get('Cache-Control')}")

    healthz, _, body = public.request("/healthz")
    if healthz != 200:
        fail(f"/healthz answered {healthz}: {body.decode()}")
    FETCHED.write_text(json.dumps(fetched, indent=2))
    step(f"{len(fetched)} pages and PDFs and {len(assets)} static files served as they should be")


def compare(base):
    expected = json.loads(FETCHED.read_text())
    public = Browser(base)
    for path, checksum in expected.items():
        if not path.endswith(".pdf"):
            public.get(path)  # pages carry a per-response CSP nonce: they answer, not byte-equal
            continue
        _, content = public.get(path)
        if hashlib.sha256(content).hexdigest() != checksum:
            fail(f"{path} differs after the restore")
    step(f"the restored portal serves all {len(expected)} pages, and the same PDFs")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["prepare", "run", "compare"])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    args = parser.parse_args()
    if args.action == "prepare":
        prepare()
    elif args.action == "run":
        run(args.base)
    else:
        compare(args.base)


if __name__ == "__main__":
    main()
