// A form marked data-working="Publishing…" says it is working once it is sent, and is not sent
// twice: long work (publishing renders the PDF straight away in the embedded setup) no longer
// looks as if the click did nothing. The change is announced (the button is in a live region
// of its own making). A page restored from the back/forward cache gets its button back.
(function () {
  "use strict";
  var status = null;
  function announce(text) {
    if (!status) {
      status = document.createElement("div");
      status.className = "govuk-visually-hidden";
      status.setAttribute("role", "status");
      (document.getElementById("main-content") || document.body).appendChild(status);
    }
    status.textContent = text;
  }

  // On window, so it runs after the page's other submit handlers (confirmations, in-place
  // moves) and sees whether one of them stopped the form.
  window.addEventListener("submit", function (event) {
    var form = event.target;
    var label = form.getAttribute && form.getAttribute("data-working");
    if (!label) {
      return;
    }
    if (form.getAttribute("data-sending") === "true") {
      event.preventDefault(); // already sent: a second press would do the work twice
      return;
    }
    if (event.defaultPrevented) {
      return;
    }
    form.setAttribute("data-sending", "true");
    var button = event.submitter || form.querySelector("[type='submit']");
    if (button) {
      var isInput = button.tagName === "INPUT";
      button.setAttribute("data-label", isInput ? button.value : button.textContent);
      button.setAttribute("aria-disabled", "true");
      button.classList.add("govuk-button--disabled");
      if (isInput) {
        button.value = label;
      } else {
        button.textContent = label;
      }
    }
    announce(label);
  });

  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-sending]"), function (form) {
      form.removeAttribute("data-sending");
      Array.prototype.forEach.call(form.querySelectorAll("[data-label]"), function (button) {
        if (button.tagName === "INPUT") {
          button.value = button.getAttribute("data-label");
        } else {
          button.textContent = button.getAttribute("data-label");
        }
        button.removeAttribute("aria-disabled");
        button.classList.remove("govuk-button--disabled");
      });
    });
  });
})();
