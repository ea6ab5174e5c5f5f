/* Small enhancements; every page works without this file. */
(function () {
  "use strict";

  // Quick exit: the button, or Shift pressed on its own three times within 5 seconds. A Shift held
  // for anything else (a capital letter, Shift+Tab, Alt+Shift to switch keyboards, Shift+click) is not
  // a press, and any other key, click or typed text starts the count again: typing "After 6 PM" into
  // a form must never leave the page.
  var exitLink = document.querySelector("[data-quick-exit]");
  function quickExit(event) {
    if (event) { event.preventDefault(); }
    document.body.hidden = true;
    window.location.replace(exitLink.href);
  }
  if (exitLink) {
    exitLink.addEventListener("click", quickExit);
    var presses = [];
    var shiftAlone = false;
    function startAgain() { shiftAlone = false; presses = []; }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Shift" && !event.altKey && !event.ctrlKey && !event.metaKey) {
        if (!event.repeat) { shiftAlone = true; }
        return;
      }
      startAgain();
    });
    document.addEventListener("pointerdown", startAgain);
    document.addEventListener("input", startAgain);
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift" || !shiftAlone || event.altKey || event.ctrlKey || event.metaKey) { return; }
      shiftAlone = false;
      var now = Date.now();
      presses = presses.filter(function (t) { return now - t < 5000; });
      presses.push(now);
      if (presses.length >= 3) { quickExit(); }
    });
  }

  // Move focus to the error summary so screen readers announce it.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    // A question with mistakes is the answer to a sent form. Replacing its history entry with the
    // page's own address makes Back (after the mistakes are put right) load the question again,
    // instead of a "Confirm form resubmission" page. Not for the consultation form: reloading it must
    // keep what the visitor typed, which only sending it again does.
    if (document.querySelector(".question-form") && window.history && window.history.replaceState) {
      window.history.replaceState(window.history.state, "", window.location.href);
    }
  }

  // An error summary link focuses its field and shows the whole field (label, hint and mistake),
  // below the sticky header, not just the input (without this file, CSS scroll padding helps).
  if (summary) {
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var input = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!input) { return; }
      event.preventDefault();
      (input.closest(".field") || input).scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  // A print button, shown only where printing can be started from the page.
  var printButton = document.querySelector("[data-print]");
  if (printButton && window.print) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  // Folded rules print open (CSS does it where the browser supports ::details-content; this does
  // it everywhere else), and fold again afterwards.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    openedForPrint = Array.prototype.filter.call(document.querySelectorAll("details.rule:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });

  // Prevent accidental double submits (the server ignores them anyway).
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function () {
      // The consultation form sent back with mistakes is the answer to a sent form. Sent again, its
      // history entry first gets the page's own address: Back from the confirmation then loads the
      // guidance page (which says the call was asked for), not a "Confirm form resubmission" page.
      // Not before sending: reloading the page with mistakes must keep what the visitor typed.
      if (summary && form.classList.contains("consultation-form") && window.history.replaceState) {
        window.history.replaceState(window.history.state, "", window.location.href);
      }
      var button = form.querySelector("[data-prevent-double-submit]");
      if (button) {
        if (button.dataset.submitted) { return; }
        window.setTimeout(function () { button.disabled = true; button.dataset.submitted = "1"; }, 0);
      }
    });
  });
})();
