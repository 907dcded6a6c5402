/* vanban: the "¶" after each paragraph copies the paragraph's stable URL, so that "mục 2.2,
   đoạn 3" can be sent to others; the "❝" beside it copies the passage's citation, as minutes and
   slides write it, with its URL: "Báo cáo số … của Thành ủy …, mục I.2, đoạn 3" or "khoản 2
   Điều 3 Điều lệ Đảng (2011)" (the document's name is the page's #vb-cite-name, the passage's
   words the link's data-vb-where), as plain text and, where the browser allows, as a link for
   Word. */
(function () {
  "use strict";
  function announce(link, text) {
    link.setAttribute("data-vb-copied", text);
    setTimeout(function () { link.removeAttribute("data-vb-copied"); }, 1800);
  }
  /* The clipboard API needs a secure context (https); an intranet on plain http still copies,
     through a selected text area. */
  function copy(text, html) {
    if (navigator.clipboard && window.isSecureContext) {
      if (html && window.ClipboardItem) {
        return navigator.clipboard.write([new ClipboardItem({
          "text/plain": new Blob([text], { type: "text/plain" }),
          "text/html": new Blob([html], { type: "text/html" })
        })]).catch(function () { return navigator.clipboard.writeText(text); });
      }
      return navigator.clipboard.writeText(text);
    }
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
  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  /* The citation of a passage: the document's name and the passage's words, in the order the
     page asks (a legal text's provision first: "khoản 2 Điều 3 Điều lệ Đảng (2011)"). */
  function citation(link) {
    var named = document.getElementById("vb-cite-name");
    var name = named ? named.textContent.trim() : document.title;
    var where = link.getAttribute("data-vb-where") || "";
    var legal = named && named.getAttribute("data-vb-order") === "provision-first" &&
      /^(điểm|khoản|Điều|Chương|Phần) /.test(where);
    return legal ? where + " " + name : name + (where ? ", " + where : "");
  }
  function setUp() {
    document.querySelectorAll("a.vb-cite-link").forEach(function (link) {
      if (link.dataset.vbReady) { return; }
      link.dataset.vbReady = "1";
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var url = link.href;
        var said = citation(link);
        var text = said + ". " + url;
        var html = '<a href="' + escapeHtml(url) + '">' + escapeHtml(said) + "</a>";
        copy(text, html).then(
          function () { announce(link, "Đã sao chép trích dẫn: " + said); },
          function () { announce(link, text); });  // not copied: show it to copy by hand
      });
    });
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
