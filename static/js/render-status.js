// Keeps a render job's state up to date on the staff page without reloading it, so nothing
// typed elsewhere on the page is lost: the box (a live region, role "status") is replaced with
// the state the server sends, which screen readers announce, until the job has finished.
(function () {
  "use strict";
  var regions = document.querySelectorAll("[data-render-job-url]");
  Array.prototype.forEach.call(regions, function (region) {
    var shown = region.getAttribute("data-render-job-status");
    var here = window.location.pathname + window.location.search;
    var url = region.getAttribute("data-render-job-url") + "?next=" + encodeURIComponent(here);
    var poll = function () {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(response.status);
        })
        .then(function (job) {
          if (job.status !== shown && job.html) {
            shown = job.status;
            region.setAttribute("data-render-job-status", shown);
            region.innerHTML = job.html;
          }
          if (job.finished) {
            region.removeAttribute("data-render-job-url");
          } else {
            window.setTimeout(poll, 2000);
          }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    };
    window.setTimeout(poll, 2000);
  });
})();
