// Keeps a render job's state up to date on the staff page: when the state changes, the page
// reloads to show the new version, or the error and the retry button.
(function () {
  var regions = document.querySelectorAll("[data-render-job-url]");
  Array.prototype.forEach.call(regions, function (region) {
    var shown = region.getAttribute("data-render-job-status");
    var poll = function () {
      fetch(region.getAttribute("data-render-job-url"), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (job) {
          if (job.status !== shown) {
            window.location.reload();
          } else if (!job.finished) {
            window.setTimeout(poll, 2000);
          }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    };
    window.setTimeout(poll, 2000);
  });
})();
