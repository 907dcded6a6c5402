/* vanban: Material's search box reacts to key releases only, so text pasted, chosen from a
   keyboard suggestion or composed by an input method (Telex, VNI on a phone) was not searched,
   or searched one letter late ("Đông H"). Every `input` and `compositionend` is passed on as a
   key release, so the box searches what it holds. */
(function () {
  "use strict";
  function setUp() {
    var box = document.querySelector("input[data-md-component=search-query]");
    if (!box || box.dataset.vbInput) { return; }
    box.dataset.vbInput = "1";
    var composing = false;
    function search() { box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "Unidentified" })); }
    box.addEventListener("compositionstart", function () { composing = true; });
    box.addEventListener("compositionend", function () { composing = false; search(); });
    box.addEventListener("input", function (event) { if (!composing && !event.isComposing) { search(); } });
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(setUp); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setUp); }
  else { setUp(); }
})();
