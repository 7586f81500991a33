// While an agenda pack is being built, check its progress and reload the page when it is done.
(function () {
  "use strict";
  var box = document.querySelector("[data-pack-status-url]");
  if (!box) {
    return;
  }
  var url = box.getAttribute("data-pack-status-url");
  var label = box.querySelector("[data-pack-status-label]");
  function check() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) {
          return;
        }
        if (label && data.label) {
          label.textContent = data.label;
        }
        if (data.finished) {
          window.location.reload();
        } else {
          window.setTimeout(check, 2000);
        }
      })
      .catch(function () { window.setTimeout(check, 5000); });
  }
  window.setTimeout(check, 2000);
})();
