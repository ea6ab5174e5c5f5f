/* The intake page: a "Copy" button under each first message (the boxes can also be selected and
   copied by hand; without JavaScript there is no button). */
(function () {
  "use strict";
  function copy(box, status) {
    var done = function () { status.textContent = "Copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).then(done, function () { status.textContent = "Select the text and copy it"; });
      return;
    }
    box.select();
    if (document.execCommand && document.execCommand("copy")) { done(); }
    else { status.textContent = "Select the text and copy it"; }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var boxes = document.querySelectorAll(".desk-message .desk-copy");
    Array.prototype.forEach.call(boxes, function (box) {
      var label = document.querySelector('label[for="' + box.id + '"]');
      var button = document.createElement("button");
      var status = document.createElement("span");
      button.type = "button";
      button.className = "button desk-copy-button";
      button.textContent = "Copy";
      if (label) { button.setAttribute("aria-label", "Copy: " + label.textContent); }
      status.className = "desk-copy-status";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () { status.textContent = ""; copy(box, status); });
      box.insertAdjacentElement("afterend", status);
      box.insertAdjacentElement("afterend", button);
    });
  });
})();
