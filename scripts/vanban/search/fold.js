/* What vanban's two search workers share (the vanban-search plugin writes it into both). vbFold:
   Vietnamese text folded in the browser: lower case, no tone or vowel marks, đ as d; the same as
   vanban.normalize.folded (tests/test_fold_browser.py checks that they agree); search-highlight.js
   holds its lines. */
function vbFold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "")
    .replace(/[\u0110\u0111]/g, "d").toLowerCase();
}

/* A result's address with the query (`?h=`) for the page's highlighter, before its anchor. */
function vbWithQuery(url, query) {
  var at = url.indexOf("#");
  var path = at < 0 ? url : url.slice(0, at);
  return path + (path.indexOf("?") < 0 ? "?" : "&") + "h=" + encodeURIComponent(query) + (at < 0 ? "" : url.slice(at));
}
