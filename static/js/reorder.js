// Reordering in place: a "Move up" or "Move down" button inside a list marked
// data-reorder-region sends one request and the server answers with the list as it now stands.
// The list is swapped in without reloading the page (so nothing typed elsewhere is lost), focus
// stays on the moved row's button, and the move is announced in a live region. Without
// JavaScript the form is submitted as usual and the page comes back with the list reordered.
(function () {
  "use strict";
  if (!window.fetch || !document.querySelector("[data-reorder-region]")) {
    return;
  }
  var status = document.createElement("div");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.setAttribute("data-reorder-status", "");
  (document.getElementById("main-content") || document.body).appendChild(status);

  function announce(text) {
    // Cleared first, so the same words twice ("Moved ... up") are announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function focusRow(region, rowId, direction) {
    var row = rowId ? document.getElementById(rowId) : null;
    if (!row || !region.contains(row)) {
      return;
    }
    var button = row.querySelector("button[data-direction='" + direction + "']") ||
      row.querySelector("button[data-direction]");
    if (button) {
      button.focus();
    } else {
      row.setAttribute("tabindex", "-1");
      row.focus();
    }
  }

  var busy = false;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var region = form.closest && form.closest("[data-reorder-region]");
    var direction = form.querySelector("input[name='direction']");
    if (!region || !direction) {
      return;
    }
    event.preventDefault();
    if (busy) {
      return; // one move at a time: the next press waits for the list to come back
    }
    busy = true;
    region.setAttribute("aria-busy", "true");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.ok ? response.json() : Promise.reject(response.status);
      })
      .then(function (data) {
        busy = false;
        region.removeAttribute("aria-busy");
        region.innerHTML = data.html;
        focusRow(region, data.row, direction.value);
        announce(data.message);
      })
      .catch(function () {
        // Not sent again: the move may have been made. Reloading shows the order as it is.
        busy = false;
        region.removeAttribute("aria-busy");
        announce("The move could not be confirmed. Reload the page to see the order as it is.");
      });
  });
})();
