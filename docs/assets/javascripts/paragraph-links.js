/* vanban: the "¶" after each paragraph copies the paragraph's stable URL, so that "mục 2.2,
   đoạn 3" can be sent to others. */
(function () {
  "use strict";
  function announce(link, text) {
    link.setAttribute("data-vb-copied", text);
    setTimeout(function () { link.removeAttribute("data-vb-copied"); }, 1800);
  }
  /* The clipboard API needs a secure context (https); an intranet on plain http still copies,
     through a selected text area. */
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(text); }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      document.body.removeChild(area);
      if (copied) { resolve(); } else { reject(); }
    });
  }
  function setUp() {
    document.querySelectorAll("a.vb-para-link").forEach(function (link) {
      if (link.dataset.vbReady) { return; }
      link.dataset.vbReady = "1";
      link.addEventListener("click", function (event) {
        var url = link.href;
        event.preventDefault();
        history.replaceState(null, "", link.getAttribute("href"));
        copy(url).then(
          function () { announce(link, "Đã sao chép liên kết: " + link.getAttribute("href")); },
          function () { announce(link, url); });  // not copied: show the URL to copy by hand
      });
    });
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(setUp); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setUp); }
  else { setUp(); }
})();
