// On the decision form, the plan priorities are only asked for when "Plan priorities" is
// chosen: for "All priorities" or "Governance" the checkboxes are hidden and disabled (so they
// are not sent), and come back as they were if the author changes their mind.
(function () {
  var scopes = document.querySelectorAll('input[name="priority_scope"]');
  var boxes = document.querySelectorAll('input[name="priorities"]');
  if (!scopes.length || !boxes.length) {
    return;
  }
  var group = boxes[0].closest(".govuk-form-group");
  var update = function () {
    var chosen = document.querySelector('input[name="priority_scope"]:checked');
    var needed = !chosen || chosen.value === "plan";
    group.hidden = !needed;
    Array.prototype.forEach.call(boxes, function (box) {
      box.disabled = !needed;
    });
  };
  Array.prototype.forEach.call(scopes, function (scope) {
    scope.addEventListener("change", update);
  });
  update();
})();
