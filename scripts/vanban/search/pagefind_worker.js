/* vanban: Material's search worker, answered by Pagefind (written by the vanban-search plugin;
   do not edit). Material's page code is unchanged: it sends SETUP (0) and QUERY (2) messages
   and renders the RESULT (3) items this worker returns, so results look as Material's own.
   Pagefind loads only the parts of its index a query needs; a large site is indexed in a few
   shards (pagefind/shards.json), searched together.
   Pagefind folds tone marks itself; `đ` it does not, so a word typed with `d` is also searched
   with `đ`. A page is shown only if it holds every word of the query (Pagefind would otherwise
   fall back to the longest known prefix of an unknown word). Among the pages read, those with a
   heading holding every word come first, as Material ranks titles above text. */
"use strict";
var SITE = new URL("../../../", self.location.href);  /* this file is assets/javascripts/workers/ */
var SHOWN = 20;        /* pages returned for one query */
var LOADED = 30;       /* at most this many pages read (one small fragment each) to find them */
var BATCH = 10;        /* fragments fetched in parallel; the first batch's pages are shown at once */
var TITLE_BONUS = 1000;
var D_VARIANTS = 3;    /* words typed with `d` tried both ways: at most 2^3 searches */
var pagefind = null;
var latest = 0;

function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/\u0111/g, "d").replace(/\u0110/g, "D").toLowerCase();
}

function words(text) {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/* "nq35" → "nq 35": a symbol typed without its dash is searched as its parts (Vietnamese words
   hold no digits, so a word of letters and digits is a symbol). */
function splitSymbols(query) {
  return query.split(/\s+/).map(function (term) {
    var m = /^(\p{L}+)(\d+)$/u.exec(term) || /^(\d+)(\p{L}+)$/u.exec(term);
    return m ? m[1] + " " + m[2] : term;
  }).join(" ");
}

/* "dang vien" → ["dang vien", "đang vien"]: each of the first few words starting with `d`. */
function variants(query) {
  var terms = query.split(/\s+/).filter(Boolean);
  var out = [terms];
  var expanded = 0;
  terms.forEach(function (term, i) {
    if (expanded >= D_VARIANTS || !/^[dD]/.test(term)) { return; }
    expanded += 1;
    out = out.concat(out.map(function (t) {
      var copy = t.slice();
      copy[i] = (term[0] === "D" ? "\u0110" : "\u0111") + term.slice(1);
      return copy;
    }));
  });
  return out.map(function (t) { return t.join(" "); });
}

function holds(text, wanted) {
  var have = words(text);
  return wanted.every(function (w) {
    return have.some(function (h) { return h.lastIndexOf(w, 0) === 0; });
  });
}

function item(url, title, text, score, terms) {
  return { location: new URL(url, SITE).href, title: title, text: text, score: score, terms: terms };
}

/* One Material result: the page, then its sections (headings with an anchor), best first. */
function present(data, wanted, terms) {
  var title = data.meta && data.meta.title || "";
  var sections = (data.sub_results || []).filter(function (s) { return s.url.indexOf("#") > 0; })
    .map(function (s) {
      var score = (holds(s.title, wanted) ? TITLE_BONUS : 0) + (s.locations || []).length;
      return item(s.url, s.title, s.excerpt, score, terms);
    })
    .sort(function (a, b) { return b.score - a.score; });
  var own = holds(title, wanted) ? TITLE_BONUS : 0;
  var top = Math.max(own, sections.length ? sections[0].score : 0);
  return [item(data.url, title, data.excerpt, top, terms)].concat(sections);
}

function post(items) {
  self.postMessage({ type: 3, data: { items: items } });    /* RESULT */
}

/* Within each batch, pages with a heading holding the query first; a later batch never moves
   the pages already shown. */
function ordered(pages) {
  return pages.slice().sort(function (a, b) {
    return a.batch - b.batch || (b.items[0].score >= TITLE_BONUS) - (a.items[0].score >= TITLE_BONUS) ||
      a.order - b.order;
  }).map(function (p) { return p.items; });
}

/* Answer a query: the first batch of pages as soon as it is read, then up to SHOWN pages.
   Stops if a newer query came meanwhile (typing). */
async function search(query, mine) {
  query = splitSymbols(query.normalize("NFC").trim());
  if (!query || !pagefind) { post([]); return; }
  var wanted = words(query);
  var runs = await Promise.all(variants(query).map(function (q) { return pagefind.search(q); }));
  var best = new Map();
  runs.forEach(function (run) {
    (run && run.results || []).forEach(function (r) {
      if (!best.has(r.id) || best.get(r.id).score < r.score) { best.set(r.id, r); }
    });
  });
  var ranked = Array.from(best.values()).sort(function (a, b) { return b.score - a.score; });
  var terms = {};
  query.split(/\s+/).forEach(function (t) { terms[t] = true; });
  var pages = [];
  /* Read the candidates' fragments a batch at a time, in parallel, until enough pages hold the query. */
  for (var from = 0; from < Math.min(ranked.length, LOADED) && pages.length < SHOWN; from += BATCH) {
    if (mine !== latest) { return; }
    var batch = ranked.slice(from, Math.min(from + BATCH, LOADED));
    var loaded = await Promise.all(batch.map(function (r) {
      return r.data().catch(function () { return null; });  /* a fragment that failed to load is skipped */
    }));
    loaded.forEach(function (data, j) {
      if (data && pages.length < SHOWN && holds((data.meta && data.meta.title || "") + " " + data.content, wanted)) {
        pages.push({ batch: from, order: from + j, items: present(data, wanted, terms) });
      }
    });
    if (from === 0 && pages.length && mine === latest) { post(ordered(pages)); }
  }
  if (mine === latest) { post(ordered(pages)); }
}

self.addEventListener("message", async function (event) {
  var message = event.data;
  if (message.type === 0) {                                   /* SETUP */
    try {
      var listed = await (await fetch(new URL("pagefind/shards.json", SITE))).json();
      var shards = listed.shards.map(function (name) { return new URL("pagefind/" + name + "/", SITE).href; });
      pagefind = await import(shards[0] + "pagefind.js");
      await pagefind.options({ baseUrl: SITE.pathname, excerptLength: 24 });
      await pagefind.init();
      for (var i = 1; i < shards.length; i++) {  /* one at a time: Pagefind's instances share one wasm module */
        await pagefind.mergeIndex(shards[i], { baseUrl: SITE.pathname, excerptLength: 24 });
      }
    } catch (error) {  /* no index (a site copied without pagefind/): say so, answer nothing */
      console.error("vanban search: the search index could not be loaded", error);
      pagefind = null;
    }
    self.postMessage({ type: 1 });                            /* READY */
  } else if (message.type === 2) {                            /* QUERY */
    await search(message.data, ++latest);
  }
});
