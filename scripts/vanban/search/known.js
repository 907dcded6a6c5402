/* A query that names a document (issue 35): "Luật 42", "NĐ 71", "Chỉ thị số 05", "35-NQ/TW",
   "42/2024", "Điều lệ Đảng", "Luật Đất đai 2013", with or without a provision before or after it
   ("khoản 2 Điều 3 Điều lệ Đảng", "Điều 10 Nghị định 71", "mục II.2 Chỉ thị 05"). Read with the
   citation finder's vocabulary (tim-kiem/van-ban.json, written by vanban.search.known: type
   words, abbreviations and codes → the type) against every directive page's number, symbol,
   year and names. Numbers match whole: "Hướng dẫn 45" is not Hướng dẫn 456. */

/* The provision a query asks for, as its anchor on a text's page ("dieu-3-khoan-2-diem-a",
   "muc-ii-2"), the words that asked, and the query without them. */
function vbProvision(query) {
  var q = query.normalize("NFC").toLowerCase();
  var folded = vbFold(q);
  var forms = [  /* "Điều 3 khoản 2" before "Điều 3" alone */
    /(?:^|\s)dieu\s+(\d{1,3}[a-z]?)\s*,?\s+khoan\s+(\d{1,3})(?:\s*,?\s+diem\s+([a-z]))?(?=\s|$|[,.;])/,
    /(?:^|\s)(?:diem\s+([a-z])\s*,?\s+)?(?:khoan\s+(\d{1,3})\s*,?\s+)?dieu\s+(\d{1,3}[a-z]?)(?=\s|$|[,.;])/,
    /(?:^|\s)muc\s+([ivxlc]+)(?:\s*[.\-]\s*|\s+)?(\d{1,2}(?:\.\d{1,2})*)?(?=\s|$|[,;])/
  ];
  for (var f = 0; f < forms.length; f++) {
    var m = forms[f].exec(folded);
    if (!m) { continue; }
    var anchor;
    if (f < 2) {
      var dieu = f === 1 ? m[3] : m[1], khoan = m[2], diem = f === 1 ? m[1] : m[3];
      if (diem === "d" && /điểm\s+đ/.test(q)) { diem = "dd"; }  /* "điểm đ": the anchor says dd */
      anchor = "dieu-" + dieu + (khoan ? "-khoan-" + khoan : "") + (diem ? "-diem-" + diem : "");
    } else {
      anchor = "muc-" + m[1] + (m[2] ? "-" + m[2].replace(/\./g, "-") : "");
    }
    var start = m.index + (m[0].length - m[0].replace(/^\s/, "").length);
    return { anchor: anchor, words: query.normalize("NFC").slice(start, m.index + m[0].length),
             rest: (folded.slice(0, start) + " " + folded.slice(m.index + m[0].length)).trim() };
  }
  return { anchor: null, words: "", rest: folded };
}

function vbCompact(symbol) {
  return vbFold(symbol).replace(/[\s.]+/g, "");
}

/* The documents a query names, best first (at most `limit`), each with the provision asked for
   if its text on the site has it: [{item, anchor, words}]. */
function vbKnownDocuments(query, data, limit) {
  if (!data || !data.items) { return []; }
  var asked = vbProvision(query);
  var rest = asked.rest.replace(/(^|\s)(cua|tai|theo|trong|thuoc)(?=\s|$)/g, " ").replace(/[,;:()“”"]/g, " ")
    .replace(/\s+/g, " ").trim();
  if (!rest) { return []; }
  if (!data.folded) {
    data.folded = {};
    Object.keys(data.types).forEach(function (word) { data.folded[vbFold(word)] = data.types[word]; });
    data.items.forEach(function (item) {
      item.namesFolded = item.names.map(function (n) { return vbFold(n).replace(/[^\p{L}\p{N}]+/gu, " ").trim(); });
      item.symbolCompact = item.symbol ? vbCompact(item.symbol) : null;
    });
  }
  var tokens = rest.split(" ");
  /* a type named first, in its longest words ("chuong trinh hanh dong", "nd", "luat") */
  var type = null, used = 0;
  for (var k = Math.min(4, tokens.length); k > 0 && !type; k--) {
    var phrase = tokens.slice(0, k).join(" ");
    if (data.folded[phrase]) { type = data.folded[phrase]; used = k; }
  }
  var after = tokens.slice(used).filter(function (t) { return t !== "so"; });
  var symbol = null, number = null, year = null;
  after.forEach(function (t) {
    var ny = /^(\d{1,5})\/((?:19|20)\d{2})$/.exec(t);
    if (ny) { number = number || +ny[1]; year = year || ny[2]; return; }
    if (/\d/.test(t) && /[a-z]/.test(t) && /[\-\/]/.test(t)) { symbol = symbol || vbCompact(t); return; }
    if (/^\d{1,5}$/.test(t) && number === null && !(type && /^(19|20)\d{2}$/.test(t) && after.length > 1)) {
      number = +t; return;
    }
    if (/^(19|20)\d{2}$/.test(t)) { year = year || t; }
  });
  if (!type && !symbol && number !== null && !year) { return []; }  /* a number alone names nothing */
  var words = after.filter(function (t) { return /^[\p{L}]+$/u.test(t); });
  var named = words.length ? tokens.slice(0, used).concat(words).join(" ") : null;
  var found = [];
  data.items.forEach(function (item) {
    var score = 0;
    if (symbol && item.symbolCompact && (item.symbolCompact === symbol ||
        item.symbolCompact.replace(/\//g, "") === symbol.replace(/\//g, ""))) { score = 1000; }
    else if (number !== null && item.n === number && (!type || item.type === type) &&
             (type || year) && !words.length) { score = 800; }
    else if (named && (type ? item.type === type || item.type === "Bộ luật" && type === "Luật" : true)) {
      var best = 0;
      item.namesFolded.forEach(function (n) {
        if (n === named) { best = Math.max(best, 700); }
        else if (n.lastIndexOf(named + " ", 0) === 0) { best = Math.max(best, 650); }
      });
      if (best && (number === null || item.n === number)) { score = best; }
    }
    if (!score) { return; }
    if (year) { if (item.year !== year) { return; } score += 50; }
    found.push({ item: item, score: score });
  });
  found.sort(function (a, b) {
    return b.score - a.score || (b.item.year || "").localeCompare(a.item.year || "") ||
      (a.item.url < b.item.url ? -1 : a.item.url > b.item.url ? 1 : 0);
  });
  return found.slice(0, limit).map(function (f) {
    var has = asked.anchor && f.item.anchors.indexOf(asked.anchor) >= 0;
    return { item: f.item, anchor: has ? asked.anchor : null, words: has ? asked.words : "" };
  });
}

function vbEscapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/* The documents a query names as Material's result groups, first: the provision asked for as a
   result of its own (Material heads a group with its first item without "#", and the page marks
   the address's target), then the document's page, titled with its force as its page states it.
   `urlOf` turns a page's address in the list into the site's (served: absolute; offline: a file). */
function vbKnownGroups(query, data, limit, urlOf) {
  var out = [];
  vbKnownDocuments(query, data, limit).forEach(function (k) {
    var it = k.item;
    var url = urlOf(it.url);
    var text = it.title ? vbEscapeHtml(it.title.charAt(0).toUpperCase() + it.title.slice(1)) : "";
    if (k.anchor) {
      out.push([{ location: url + "#" + k.anchor, title: k.words + " — " + it.label, text: text, score: 2e6, terms: {} }]);
    }
    out.push([{ location: url, title: it.label + (it.status ? " · " + it.status : ""), text: text, score: 1e6,
                terms: {}, known: url }]);
  });
  return out;
}

/* Known documents first; a page the words found as well keeps (at most `most` of) its passages
   under the document's own result, and is not shown twice. */
function vbWithKnown(known, groups, most) {
  if (!known.length) { return groups; }
  var byUrl = new Map(known.filter(function (g) { return g[0].known; }).map(function (g) { return [g[0].known, g]; }));
  var rest = [];
  groups.forEach(function (g) {
    var page = Array.isArray(g) && g[0] ? g[0].location.split("#")[0].split("?")[0] : null;
    var mine = page !== null ? byUrl.get(page) : null;
    if (!mine) { rest.push(g); return; }
    mine.push.apply(mine, g.filter(function (d) { return d.location.indexOf("#") >= 0; }).slice(0, most));
  });
  return known.concat(rest);
}
