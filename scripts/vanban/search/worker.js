/* vanban: Vietnamese-aware queries for Material's search worker (written by the vanban-search
   plugin; do not edit). A query typed in NFD is composed (NFC), and every term with diacritics
   is searched also without them, matching the index's folded field. Then Material's own worker
   is loaded unchanged. */
(function () {
  "use strict";
  var listen = self.addEventListener.bind(self);
  function fold(term) {
    return term.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u0111/g, "d").replace(/\u0110/g, "D");
  }
  /* "35-NQ/TW" → "35 NQ TW NQ35 35NQ": lunr reads "-" as "must not contain", and the index
     holds a symbol's parts and joined forms (see vanban/search/fold.py). */
  function symbolVariants(term) {
    var parts = term.split(/[-\/]+/).filter(Boolean);
    if (parts.length < 2 || !/\d/.test(term) || !/[^\d\-\/]/.test(term)) { return null; }
    var number = parts.filter(function (p) { return /^\d+$/.test(p); })[0];
    var code = parts.filter(function (p) { return !/\d/.test(p); })[0];
    return number && code ? parts.concat([code + number, number + code]) : parts;
  }
  function expand(query) {
    var out = [];
    query.normalize("NFC").split(/\s+/).forEach(function (term) {
      if (!term) { return; }
      var folded = fold(term);
      var variants = symbolVariants(folded);
      if (variants) { out.push.apply(out, variants); return; }
      out.push(term);
      if (folded !== term) { out.push(folded); }
    });
    return out.join(" ");
  }
  self.addEventListener = function (type, handler, options) {
    if (type !== "message") { return listen(type, handler, options); }
    return listen(type, function (event) {
      var message = event.data;
      if (message && message.type === 2 && typeof message.data === "string") {
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
