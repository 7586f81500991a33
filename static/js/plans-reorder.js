// After a "Move up" or "Move down" button reorders an item, the page comes back with the item's
// id in its address: put keyboard focus back on that item's button in the same direction (or the
// item itself), so people using a keyboard can keep moving it without hunting for their place.
(function () {
  var KEY = "pcc-plans-moved";

  document.addEventListener("submit", function (event) {
    var input = event.target.querySelector("input[name='direction']");
    if (!input) { return; }
    try { window.sessionStorage.setItem(KEY, input.value); } catch (e) { /* storage blocked */ }
  });

  function restoreFocus() {
    var id = window.location.hash.slice(1);
    var item = id ? document.getElementById(id) : null;
    if (!item || !item.closest(".pcc-reorder-list")) { return; }
    var direction = null;
    try {
      direction = window.sessionStorage.getItem(KEY);
      window.sessionStorage.removeItem(KEY);
    } catch (e) { /* storage blocked */ }
    var button = direction && item.querySelector("button[data-direction='" + direction + "']");
    if (!button && direction) {
      // Now at the top or the bottom: only the other button is left.
      button = item.querySelector("button[data-direction]");
    }
    if (button) {
      button.focus();
    } else {
      item.setAttribute("tabindex", "-1");
      item.focus();
    }
  }

  // On load, after GOV.UK Frontend has started: its success banner takes focus then, and it is
  // announced anyway (role "alert"), so focus can go back to where the person was working.
  window.addEventListener("load", restoreFocus);
})();
