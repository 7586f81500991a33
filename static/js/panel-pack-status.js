// While an agenda pack is being built, show its progress in place (papers rendered of all of
// them, then assembling, then the result) without reloading the page, so nothing typed
// elsewhere on it is lost. The box is a live region (role "status"): changes are announced.
(function () {
  "use strict";
  var box = document.querySelector("[data-pack-status-url]");
  if (!box) {
    return;
  }
  var url = box.getAttribute("data-pack-status-url");
  var shown = box.getAttribute("data-pack-state");
  function check() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.status) {
          return;
        }
        // Only a change is written into the live region, so it is announced once.
        var state = data.status + ":" + data.rendered + ":" + data.total;
        if (data.html && state !== shown) {
          box.innerHTML = data.html;
          shown = state;
        }
        if (data.finished) {
          box.removeAttribute("data-pack-status-url");
        } else {
          window.setTimeout(check, 2000);
        }
      })
      .catch(function () { window.setTimeout(check, 5000); });
  }
  window.setTimeout(check, 2000);
})();
