/* vanban: Vietnamese-aware queries for Material's search worker, offline (written by the
   vanban-search plugin; do not edit). Then Material's own worker is loaded unchanged.
   - A query typed in NFD is composed (NFC).
   - The same rules as the served site's Pagefind worker: a page is shown only if it holds every
     word, with or without diacritics (each word is required in its folded form, which the
     index's `folded` field holds for every entry: "+dang" finds "đảng"); the word as typed is
     searched too, so exact diacritics rank first; headings holding the words rank first
     (`title_folded`).
   - Results: the query goes with each result's address (`?h=`) for the page's highlighter, and
     the excerpts mark the query as a phrase, with or without diacritics. */
(function () {
  "use strict";
  var listen = self.addEventListener.bind(self);
  var post = self.postMessage.bind(self);
  var lastQuery = "";

  /* __VANBAN_FOLD__ */

  /* __VANBAN_KNOWN__ */

  /* The documents a query may name (vanban.search.known), loaded beside the index; without it
     (a site built by an older vanban) queries are answered by the words alone. */
  try {
    importScripts(new URL("../../../tim-kiem/van-ban.js",
      typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href).href);
  } catch (e) { /* no known documents */ }

  /* "35-NQ/TW" → "35 NQ TW NQ35 35NQ": lunr reads "-" as "must not contain", and the index
     holds a symbol's parts and joined forms (see vanban/search/fold.py). */
  function symbolParts(term) {
    var parts = term.split(/[-\/]+/).filter(Boolean);
    if (parts.length < 2 || !/\d/.test(term) || !/[^\d\-\/]/.test(term)) { return null; }
    return parts;
  }
  function joined(parts) {
    var number = parts.filter(function (p) { return /^\d+$/.test(p); })[0];
    var code = parts.filter(function (p) { return !/\d/.test(p); })[0];
    return number && code ? [code + number, number + code] : [];
  }
  /* "nq35" → ["nq", "35"]: a symbol typed without its dash */
  function glued(term) {
    var m = /^(\p{L}+)(\d+)$/u.exec(term) || /^(\d+)(\p{L}+)$/u.exec(term);
    return m ? [m[1], m[2]] : null;
  }

  function expand(query) {
    var out = [];
    var terms = query.normalize("NFC").split(/[\s,;:!?“”"'()]+/).filter(function (t) { return /[\p{L}\p{N}]/u.test(t); });
    terms.forEach(function (term, i) {
      var folded = vbFold(term);
      /* the word being typed as a prefix, but a number beside other words whole ("45" is not "456") */
      var last = i === terms.length - 1 && (terms.length === 1 || !/^\d+$/.test(folded)) ? "*" : "";
      var parts = symbolParts(folded) || glued(folded);
      if (parts) {
        parts.forEach(function (p) { out.push("+" + p); });
        out.push.apply(out, joined(parts));
        return;
      }
      out.push("+" + folded + last);
      if (folded !== term.toLowerCase()) { out.push(term); }
    });
    return out.join(" ");
  }

  function escape(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* Mark the query in a result's excerpt (HTML): as a phrase if it is there, else word by word;
     compared folded, so "dang vien" marks "đảng viên". Material's own marks are replaced. */
  function remark(html, query) {
    var words = vbFold(query.normalize("NFC")).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!words.length || typeof html !== "string") { return html; }
    html = html.replace(/<\/?mark>/g, "");
    var pieces = html.split(/(<[^>]*>)/);
    var phrase = new RegExp("(?<![\\p{L}\\p{N}])" + words.map(escape).join("[^\\p{L}\\p{N}]+") + "[\\p{L}\\p{N}]*", "gu");
    var single = new RegExp("(?<![\\p{L}\\p{N}])(?:" + words.map(escape).join("|") + ")[\\p{L}\\p{N}]*", "gu");
    var text = pieces.filter(function (p, i) { return i % 2 === 0; }).join("\u0000");
    var pattern = phrase.test(Array.from(text).map(vbFold).join("")) ? phrase : single;
    return pieces.map(function (piece, i) {
      if (i % 2 === 1 || !piece) { return piece; }
      var chars = Array.from(piece);
      var folded = chars.map(vbFold);
      if (folded.some(function (f) { return f.length !== 1; })) { return piece; }  /* keep offsets simple */
      var flat = folded.join("");
      var out = "", at = 0;
      pattern.lastIndex = 0;
      for (var m = pattern.exec(flat); m; m = pattern.exec(flat)) {
        if (!m[0].length) { pattern.lastIndex += 1; continue; }
        out += chars.slice(at, m.index).join("") + "<mark>" + chars.slice(m.index, m.index + m[0].length).join("") + "</mark>";
        at = m.index + m[0].length;
      }
      return out + chars.slice(at).join("");
    }).join("");
  }

  /* Whether the query, folded, stands in `html`'s text as a phrase. */
  function holdsPhrase(html, query) {
    var words = vbFold(query.normalize("NFC")).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length < 2 || typeof html !== "string") { return false; }
    var text = vbFold(html.replace(/<[^>]*>/g, " "));
    return new RegExp("(?<![\\p{L}\\p{N}])" + words.map(escape).join("[^\\p{L}\\p{N}]+"), "u").test(text);
  }

  /* The documents the query names first (known.js); the offline site's pages are files. */
  function withKnown(query, groups) {
    var known = vbKnownGroups(query, self.vbKnownData, 3, function (url) { return url.replace(/\/$/, ".html"); });
    return vbWithKnown(known, groups, Infinity);
  }

  self.postMessage = function (message) {
    if (message && message.type === 3 && message.data && Array.isArray(message.data.items) && lastQuery) {
      message.data.items.forEach(function (group) {
        if (!Array.isArray(group)) { return; }
        group.forEach(function (doc) {
          if (!doc.title && doc.heading) { doc.title = doc.heading; }  /* a paragraph: its heading */
          if (doc.location.indexOf("#") > 0 && holdsPhrase(doc.text, lastQuery)) { doc.score *= 4; }
          doc.location = vbWithQuery(doc.location, lastQuery);
          doc.text = remark(doc.text, lastQuery);
        });
        /* passages holding the query as a phrase first, as the served site ranks them */
        group.sort(function (a, b) { return b.score - a.score; });
      });
      message.data.items = withKnown(lastQuery, message.data.items);
    }
    return post.apply(self, arguments);
  };

  self.addEventListener = function (type, handler, options) {
    if (type !== "message") { return listen(type, handler, options); }
    return listen(type, function (event) {
      var message = event.data;
      if (message && message.type === 2 && typeof message.data === "string") {
        lastQuery = message.data.normalize("NFC").trim();
        return handler.call(this, { data: { type: 2, data: expand(message.data) } });
      }
      return handler.call(this, event);
    }, options);
  };
})();
/* From file:// the iframe-worker shim runs this script in an iframe, where relative URLs resolve
   against the page: load Material's worker relative to this script's own URL. */
importScripts(new URL("__MATERIAL_WORKER__",
  typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href).href);
