/* vanban's folding of Vietnamese text in the browser: lower case, no tone or vowel marks, đ as d;
   the same as vanban.normalize.folded (tests/test_fold_browser.py checks that they agree). The
   vanban-search plugin writes it into its search workers; search-highlight.js holds these lines. */
function vbFold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "")
    .replace(/[\u0110\u0111]/g, "d").toLowerCase();
}
