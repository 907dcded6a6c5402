/* vanban: the "¶" after each paragraph copies the paragraph's stable URL, so that "mục 2.2,
   đoạn 3" can be sent to others; and, for printing, each link to a directive carries its full
   URL (printed after the link by vanban.css). */
(function () {
  "use strict";
  function announce(link, text) {
    link.setAttribute("data-vb-copied", text);
    setTimeout(function () { link.removeAttribute("data-vb-copied"); }, 1800);
  }
  function setUp() {
    document.querySelectorAll("a.vb-para-link").forEach(function (link) {
      if (link.dataset.vbReady) { return; }
      link.dataset.vbReady = "1";
      link.addEventListener("click", function (event) {
        var url = link.href;
        history.replaceState(null, "", link.getAttribute("href"));
        if (navigator.clipboard && window.isSecureContext) {
          event.preventDefault();
          navigator.clipboard.writeText(url).then(
            function () { announce(link, "Đã sao chép liên kết"); },
            function () { announce(link, url); });
        }
      });
    });
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      if (/(^|\/)van-ban\//.test(link.getAttribute("href"))) { link.setAttribute("data-print-url", link.href); }
    });
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(setUp); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setUp); }
  else { setUp(); }
})();
