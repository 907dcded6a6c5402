/* vanban: after a click on a search result, mark on the page what was searched (the `h` in the
   address, written by vanban's search worker). The query is looked for as a phrase ("kết nạp
   đảng viên" is one mark, not every "đảng" of the report), with or without diacritics ("dang
   vien" marks "đảng viên"). If the phrase is nowhere, its words are marked only in the passage
   the result opened. Material's own highlighter, which marks every word everywhere and only
   when typed with its diacritics, is turned off in mkdocs.yml. */
(function () {
  "use strict";
  var SKIP = "script, style, .headerlink, .vb-para-link, .vb-cite-link, .md-source-file";

  /* vanban's folding (scripts/vanban/search/fold.js; a test checks these lines are the same) */
  function vbFold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "")
      .replace(/[\u0110\u0111]/g, "d").toLowerCase();
  }
  function foldWords(text) {
    return Array.from(text).map(vbFold).join("").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  function escape(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* The text under `root`, folded a character at a time, with where each folded character
     came from (text node, offset): a match in the folded text maps back to the page. */
  function foldedText(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement && node.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var text = "";
    var origin = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var value = node.nodeValue;
      for (var i = 0; i < value.length; i++) {
        var folded = vbFold(value[i]);
        for (var k = 0; k < folded.length; k++) { text += folded[k]; origin.push([node, i]); }
      }
    }
    return { text: text, origin: origin };
  }

  function matches(folded, pattern) {
    var found = [];
    var re = new RegExp(pattern, "gu");
    for (var m = re.exec(folded.text); m; m = re.exec(folded.text)) {
      if (!m[0].length) { re.lastIndex += 1; continue; }
      found.push([m.index, m.index + m[0].length]);
    }
    return found;
  }

  /* Wrap each range in <mark>, last first so that earlier offsets stay valid; a range that
     crosses elements (a link inside the phrase) is marked piece by piece. */
  function mark(folded, ranges) {
    ranges.slice().reverse().forEach(function (range) {
      var pieces = [];
      for (var i = range[0]; i < range[1]; i++) {
        var o = folded.origin[i];
        var last = pieces[pieces.length - 1];
        if (last && last.node === o[0]) { last.end = o[1] + 1; } else { pieces.push({ node: o[0], start: o[1], end: o[1] + 1 }); }
      }
      pieces.reverse().forEach(function (p) {
        var node = p.node;
        if (p.end < node.nodeValue.length) { node.splitText(p.end); }
        var hit = p.start > 0 ? node.splitText(p.start) : node;
        var wrapper = document.createElement("mark");
        wrapper.className = "vb-hit";
        hit.parentNode.insertBefore(wrapper, hit);
        wrapper.appendChild(hit);
      });
    });
  }

  function setUp() {
    var query = new URLSearchParams(location.search).get("h");
    var article = document.querySelector("article.md-content__inner");
    if (!query || !article || article.dataset.vbHighlighted) { return; }
    article.dataset.vbHighlighted = "1";
    var terms = foldWords(query.normalize("NFC"));
    if (!terms.length) { return; }
    var edge = "(?<![\\p{L}\\p{N}])";
    var phrase = edge + terms.map(escape).join("[^\\p{L}\\p{N}]+") + "[\\p{L}\\p{N}]*";
    var folded = foldedText(article);
    var ranges = matches(folded, phrase);
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!ranges.length && target && article.contains(target)) {
      folded = foldedText(target);
      ranges = matches(folded, edge + "(?:" + terms.map(escape).join("|") + ")[\\p{L}\\p{N}]*");
    }
    if (!ranges.length && !target) {
      /* no phrase on the page (words apart): the passage holding most of them is where the
         result opens, its words marked (never the top of a long text with nothing marked) */
      var best = bestPassage(article, terms);
      if (best) {
        folded = foldedText(best);
        ranges = matches(folded, edge + "(?:" + terms.map(escape).join("|") + ")[\\p{L}\\p{N}]*");
      }
    }
    mark(folded, ranges);
    if (!target) {
      var first = article.querySelector("mark.vb-hit");
      if (first) { first.scrollIntoView({ block: "center" }); }
    }
  }

  /* The paragraph, provision or heading (an element with an id) holding most query words: the
     smallest such (not the section around it), the first in the text of equal ones; null if
     none holds any. */
  function bestPassage(article, terms) {
    var best = null, most = 0;
    article.querySelectorAll("p[id], li[id], div[id], h2[id], h3[id], h4[id], h5[id]").forEach(function (el) {
      if (el.closest(SKIP)) { return; }
      var have = foldWords(el.textContent);
      var count = terms.filter(function (t) { return have.indexOf(t) >= 0; }).length;
      if (count > most || (count && count === most && el.textContent.length < best.textContent.length)) {
        most = count; best = el;
      }
    });
    return best;
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(setUp); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setUp); }
  else { setUp(); }
})();
