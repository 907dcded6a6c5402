/* vanban: Material's search worker, answered by Pagefind (written by the vanban-search plugin;
   do not edit). Material's page code is unchanged: it sends SETUP (0) and QUERY (2) messages
   and renders the RESULT (3) items this worker returns, so results look as Material's own.
   Pagefind loads only the parts of its index a query needs; a large site is indexed in a few
   shards (pagefind/shards.json), searched together.
   Pagefind folds tone marks itself; `đ` it does not, so a word typed with `d` is also searched
   with `đ`. A page is shown only if it holds every word of the query (Pagefind would otherwise
   fall back to the longest known prefix of an unknown word). Among the pages read, those with a
   heading holding every word come first, as Material ranks titles above text.
   This site's shards and the other sites' are cut into runs searched side by side, one per core
   up to SEARCHERS: the first here, the others each in a helper worker (this same file, started
   by this one), each run by a Pagefind of its own (a Pagefind's WebAssembly runs one search at a
   time). Their results are merged as Pagefind merges its own shards' (by score; a tie in shard
   order). Where a helper cannot start, its run is searched here. A result's page fragment is
   fetched from the shard that holds it (the shards' vanban-fragments.txt say which) and read
   here: Pagefind's own loader also works out passages under every heading of the page, which
   cost 20 ms a report page and are not used. Without that list (a site built by an older
   vanban) or without the browser's gzip, Pagefind loads it. */
"use strict";
var SITE = new URL("../../../", self.location.href);  /* this file is assets/javascripts/workers/ */
var SHOWN = 20;        /* pages returned for one query */
var LOADED = 30;       /* at most this many pages read (one small fragment each) to find them */
var BATCH = 10;        /* fragments fetched in parallel; the first batch's pages are shown at once */
var TITLE_BONUS = 1000;
var SECTIONS = 8;      /* passages shown under a page */
var D_VARIANTS = 3;    /* words typed with `d` tried both ways: at most 2^3 searches */
var LOAD_FAILED_TITLE = "Không tải được chỉ mục tìm kiếm";
var LOAD_FAILED_TEXT = "Kết quả tìm kiếm chưa hiện được: chỉ mục tìm kiếm của trang không tải được. Hãy tải lại trang; " +
  "nếu vẫn vậy, báo cho người quản trị trang.";
var SEARCHERS = 4;     /* at most this many Pagefinds search the shards side by side (one per core) */
var HELPER_NAME = "vanban-shards";  /* a helper worker's name: it runs this file's helper part */
var searchers = null;   /* here and the helpers, each over a run of the shards; null if the index did not load */
var sources = [];       /* this site and the other sites loaded: {shards: their folders' URLs, base} */
var shardOf = new Map();  /* page id → {folder, base}: this site's first, from the fragment lists */
var listed = null;
var latest = 0;
var SIGNATURE = "pagefind_dcd";  /* what an unpacked Pagefind file starts with */

/* __VANBAN_FOLD__ */

/* __VANBAN_KNOWN__ */

function words(text) {
  return vbFold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
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

/* A word of the page matches a word of the query: the word being typed (the query's last) as a
   prefix, every other word whole ("lệ" is not "lên"); a number beside other words whole ("Hướng
   dẫn 45" is not 456), a number alone as typed so far. */
function prefixAllowed(wanted, i) {
  return i === wanted.length - 1 && (wanted.length === 1 || !/^\d+$/.test(wanted[i]));
}

function matchesWord(have, w, prefix) {
  return have === w || (prefix && have.lastIndexOf(w, 0) === 0);
}

function holds(text, wanted) {
  var have = words(text);
  return wanted.every(function (w, i) {
    return have.some(function (h) { return matchesWord(h, w, prefixAllowed(wanted, i)); });
  });
}

var KNOWN = "tim-kiem/van-ban.json";  /* the documents a query may name (vanban.search.known) */
var KNOWN_SHOWN = 3;
var knownData = null;
function loadKnown() {
  if (!knownData) {
    knownData = fetch(new URL(KNOWN, SITE).href).then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }
  return knownData;
}

/* The documents the query names, first (known.js), at absolute addresses; a copy of each group
   for each answer (the words' passages are added to it). */
function knownGroups(query, data) {
  return vbKnownGroups(query, data, KNOWN_SHOWN, function (url) { return new URL(url, SITE).href; });
}

function withKnown(known, groups) {
  return vbWithKnown(known, groups, SECTIONS);
}

function item(url, title, text, score, terms, query) {
  return { location: new URL(vbWithQuery(url, query), SITE).href, title: title, text: text, score: score, terms: terms };
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/* Words from..to of the page's text, matched words marked; neighbouring matches ("kết nạp đảng
   viên") are one mark, as the phrase they are. */
function excerpt(content, from, to, matched) {
  var parts = [];
  for (var i = from; i < to; i++) {
    var last = parts[parts.length - 1];
    if (!matched.has(i)) { parts.push({ text: content[i] }); continue; }
    /* punctuation around a matched word stays outside the mark */
    var m = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(content[i]);
    if (last && last.hit !== undefined) { last.hit += last.after + " " + m[1] + m[2]; last.after = m[3]; }
    else { parts.push({ before: m[1], hit: m[2], after: m[3] }); }
  }
  return parts.map(function (p) {
    return p.hit === undefined ? escapeHtml(p.text)
      : escapeHtml(p.before) + "<mark>" + escapeHtml(p.hit) + "</mark>" + escapeHtml(p.after);
  }).join(" ") + (to < content.length ? " …" : "");
}

/* Where a page's matches are: each element with an anchor (a paragraph "p-…", a provision
   "dieu-4-khoan-2", a heading) owns the words up to the next one. A region scores by the query
   words it holds (all of them first), then by how many stand together, then by its matches.
   Pagefind's own sub-results stop at headings, up to 1 600 px above the passage. */
function regions(data, wanted) {
  var content = data.content.split(/[\r\n\s]+/g);
  /* a footnote's number inside a paragraph does not cut the paragraph in two */
  var anchors = (data.anchors || []).filter(function (a) { return a.id && a.id.lastIndexOf("fnref", 0) !== 0; })
    .sort(function (a, b) { return a.location - b.location; });
  var locations = (data.locations || []).slice().sort(function (a, b) { return a - b; });
  var heading = "";
  var found = [];
  anchors.forEach(function (anchor, n) {
    var isHeading = /^h\d$/i.test(anchor.element);
    if (isHeading) { heading = anchor.text; }
    var end = n + 1 < anchors.length ? anchors[n + 1].location : content.length;
    var here = locations.filter(function (l) { return l >= anchor.location && l < end; });
    if (!here.length) { return; }
    var have = new Set();
    here.forEach(function (l) {
      var w = words(content[l] || "");
      wanted.forEach(function (q, k) {
        if (w.some(function (x) { return matchesWord(x, q, prefixAllowed(wanted, k)); })) { have.add(q); }
      });
    });
    /* runs of neighbouring matches: the one holding most query words is the phrase, where the
       excerpt starts ("phòng, chống dịch Covid-19" is four words of text, five of the query) */
    var phrase = 0, first = here[0];
    for (var i = 0; i < here.length; ) {
      var j = i + 1;
      while (j < here.length && here[j] === here[j - 1] + 1) { j++; }
      var covered = new Set();
      here.slice(i, j).forEach(function (l) {
        var w = words(content[l] || "");
        wanted.forEach(function (q, k) {
          if (w.some(function (x) { return matchesWord(x, q, prefixAllowed(wanted, k)); })) { covered.add(q); }
        });
      });
      if (covered.size > phrase) { phrase = covered.size; first = here[i]; }
      i = j;
    }
    var from = Math.max(anchor.location, first - 8);
    var to = Math.min(end, from + 30);
    found.push({
      id: anchor.id, heading: isHeading, title: isHeading ? anchor.text : heading || anchor.text,
      score: have.size * 100 + phrase * 10 + Math.min(here.length, 9),
      text: (from > anchor.location ? "… " : "") + excerpt(content, from, to, new Set(here)),
    });
  });
  return found;
}

/* One Material result: the page, then its passages (paragraphs, provisions, headings with an
   anchor), best first. */
function present(data, wanted, terms, query) {
  var title = data.meta && data.meta.title || "";
  var url = data.url.split("#")[0];
  var sections = regions(data, wanted).map(function (r) {
    var score = (r.heading && holds(r.title, wanted) ? TITLE_BONUS : 0) + r.score;
    return item(url + "#" + r.id, r.title, r.text, score, terms, query);
  }).sort(function (a, b) { return b.score - a.score; }).slice(0, SECTIONS);
  var own = holds(title, wanted) ? TITLE_BONUS : 0;
  var top = Math.max(own, sections.length ? sections[0].score : 0);
  var text = (data.excerpt || "").replace(/<\/mark>(\s+)<mark>/g, "$1");  /* a phrase, one mark */
  /* a directive's force, as its page states it ("hết hiệu lực từ 01/01/2025"), after its title */
  var shown = data.meta && data.meta.status ? title + " · " + data.meta.status : title;
  return [item(data.url, shown, text, top, terms, query)].concat(sections);
}

/* Where the page's own excerpt starts: the window of EXCERPT words holding most matches (its
   middle one if several), as Pagefind picks it. */
var EXCERPT = 24;
function excerptStart(locations) {
  var counts = [];
  locations.forEach(function (l) { counts[l] = (counts[l] || 0) + 1; });
  if (counts.length <= EXCERPT) { return 0; }
  var sum = 0;
  for (var i = 0; i < EXCERPT; i++) { sum += counts[i] || 0; }
  var densest = sum, at = [0];
  for (var k = 0; k < counts.length; k++) {
    sum += (counts[k + EXCERPT] || 0) - (counts[k] || 0);
    if (sum > densest) { densest = sum; at = [k + 1]; }
    else if (sum === densest && at[at.length - 1] === k) { at.push(k + 1); }
  }
  return at[Math.floor(at.length / 2)];
}

/* A site's page URL from the fragment's, as Pagefind joins it to the site's base URL. */
function fullUrl(raw, base) {
  if (/^(https?:)?\/\//.test(raw)) { return raw; }
  return (base + "/" + raw).replace(/\/+/g, "/").replace(/^(https?:\/)/, "$1/");
}

/* A result's page: its fragment fetched and unpacked here when its shard is known, else
   through Pagefind. Same fields as Pagefind's data(): url, meta, content, anchors, locations,
   excerpt. */
async function pageOf(result) {
  var where = shardOf.get(result.id);
  if (!where || typeof DecompressionStream === "undefined") {
    return searchers[result.from].call("data", [result.term, result.id]);
  }
  var response = await fetch(where.folder + "fragment/" + result.id + ".pf_fragment");
  if (!response.ok) { throw new Error("fragment " + result.id + ": HTTP " + response.status); }
  var bytes = new Uint8Array(await response.arrayBuffer());
  var decoder = new TextDecoder();
  if (decoder.decode(bytes.slice(0, SIGNATURE.length)) !== SIGNATURE) {  /* not unpacked by the server */
    bytes = new Uint8Array(await new Response(new Blob([bytes]).stream()
      .pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  }
  var data = JSON.parse(decoder.decode(bytes.slice(SIGNATURE.length)));
  data.content = data.content.replace(/\u200B/g, "");
  data.url = fullUrl(data.url, where.base);
  data.locations = result.words;
  var content = data.content.split(/[\r\n\s]+/g);
  var from = excerptStart(result.words);
  data.excerpt = excerpt(content, from, Math.min(content.length, from + EXCERPT), new Set(result.words))
    .replace(/ …$/, "");
  return data;
}

function copy(group) { return group.slice(); }

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
  if (!query) { post([]); return; }
  if (!searchers) {  /* the index did not load: say so, never "nothing found" */
    post([[{ location: SITE.href, title: LOAD_FAILED_TITLE, text: LOAD_FAILED_TEXT, score: 1, terms: {} }]]);
    return;
  }
  var wanted = words(query);
  /* the documents the query names, read beside the index (the first query fetches the list) */
  var known = [];
  var naming = loadKnown().then(function (data) {
    known = knownGroups(query, data);
    if (known.length && mine === latest) { post(known); }
  });
  /* A word of one letter ("dang v", typed on the way to "dang vien") would match almost every
     word of the index as a prefix (seconds of searching): it is left to the check that every page
     shown holds every word. A digit is searched ("Điều 5"): it matches numbers only. */
  var searched = query.split(/\s+/).filter(function (term) {
    return words(term).some(function (w) { return Array.from(w).length > 1 || /^\d$/.test(w); });
  }).join(" ");
  if (!searched) { await naming; if (mine === latest) { post(known); } return; }
  var asked = variants(searched);
  /* the index chunks of every variant fetched together (and the fragment lists, the first
     time); then searched one by one, stopping as soon as a newer query came (a search cannot
     be stopped once started) */
  await Promise.all([listShards(), naming].concat(searchers.map(function (searcher) {
    return searcher.call("preload", [asked]);
  })));
  var best = new Map();
  for (var v = 0; v < asked.length; v++) {
    if (mine !== latest) { return; }
    var runs = await Promise.all(searchers.map(function (searcher, from) {
      return searcher.call("search", [asked[v], LOADED]).then(function (found) {
        found.forEach(function (r) { r.from = from; });
        return found;
      });
    }));
    /* in shard order (each searcher's run of shards in turn): the ranking below sorts them by
       score, a tie in that order, as Pagefind merges its own shards */
    [].concat.apply([], runs).forEach(function (r) {
      if (!best.has(r.id) || best.get(r.id).score < r.score) { best.set(r.id, r); }
    });
  }
  var ranked = Array.from(best.values()).sort(function (a, b) { return b.score - a.score; });
  var terms = {};
  query.split(/\s+/).forEach(function (t) { terms[t] = true; });
  var pages = [];
  /* Read the candidates' fragments a batch at a time, in parallel, until enough pages hold the query. */
  for (var from = 0; from < Math.min(ranked.length, LOADED) && pages.length < SHOWN; from += BATCH) {
    if (mine !== latest) { return; }
    var batch = ranked.slice(from, Math.min(from + BATCH, LOADED));
    var loaded = await Promise.all(batch.map(function (r) {
      return pageOf(r).catch(function () { return null; });  /* a fragment that failed to load is skipped */
    }));
    loaded.forEach(function (data, j) {
      if (data && pages.length < SHOWN && holds((data.meta && data.meta.title || "") + " " + data.content, wanted)) {
        pages.push({ batch: from, order: from + j, items: present(data, wanted, terms, query) });
      }
    });
    if (from === 0 && pages.length && mine === latest) { post(withKnown(known.map(copy), ordered(pages))); }
  }
  if (mine === latest) { post(withKnown(known.map(copy), ordered(pages))); }
}

/* Which shard holds each page: the shards' fragment lists, fetched once, with the first query
   (a visitor who never searches does not fetch them). A page found on two sites is this
   site's; a list that does not load leaves its pages to Pagefind's loader. */
function listShards() {
  if (!listed) {
    var folders = [];
    sources.forEach(function (source) {
      source.shards.forEach(function (folder) { folders.push({ folder: folder, base: source.base }); });
    });
    listed = Promise.all(folders.map(function (where) {
      return fetch(where.folder + "vanban-fragments.txt")
        .then(function (r) { return r.ok ? r.text() : ""; }).catch(function () { return ""; });
    })).then(function (texts) {
      texts.forEach(function (text, i) {
        text.split("\n").forEach(function (id) { if (id && !shardOf.has(id)) { shardOf.set(id, folders[i]); } });
      });
    });
  }
  return listed;
}

function shardUrls(root, names) {
  return names.map(function (name) { return new URL("pagefind/" + name + "/", root).href; });
}

/* Pagefind over a run of shards, here or in a helper. A shard is {folder, base, own}: its index
   folder, its site's base URL, whether it is this site's (which must load; another site's that
   does not is left out with a warning). */
function Shards() {
  this.pagefind = null;
  this.runs = new Map();  /* the last queries' results, term → id → Pagefind's result */
}

Shards.prototype.load = async function (shards) {
  var rest = shards.slice();
  while (!this.pagefind && rest.length) {
    var shard = rest.shift();
    try {
      var primary = await import(shard.folder + "pagefind.js");
      await primary.options({ baseUrl: shard.base, excerptLength: EXCERPT });
      await primary.init();
      this.pagefind = primary;
    } catch (error) {
      leftOut(shard, error);
    }
  }
  var pagefind = this.pagefind;
  await Promise.all(rest.map(function (shard) {
    return pagefind.mergeIndex(shard.folder, { baseUrl: shard.base, excerptLength: EXCERPT })
      .catch(function (error) { leftOut(shard, error); });
  }));
};

/* A shard that did not load: this site's fails the search; another site's is left out. */
function leftOut(shard, error) {
  if (shard.own) { throw error; }
  othersWarning(shard.folder, error);
}

function othersWarning(where, error) {
  console.warn("vanban search: another site's index could not be loaded", where, error);
}

Shards.prototype.preload = function (terms) {
  var pagefind = this.pagefind;
  return Promise.all(terms.map(function (term) { return pagefind && pagefind.preload(term).catch(function () {}); }))
    .then(function () {});
};

/* One term's results, best first: the first `keep` (and any tied with the last of them), as no
   more are read; plain objects, so that a helper can post them. */
Shards.prototype.search = async function (term, keep) {
  var run = this.pagefind ? await this.pagefind.search(term) : null;
  var results = run && run.results || [];
  var cut = Math.min(keep, results.length);
  while (cut > 0 && cut < results.length && results[cut].score === results[cut - 1].score) { cut++; }
  var kept = new Map();
  var found = results.slice(0, cut).map(function (r) {
    kept.set(r.id, r);
    return { id: r.id, score: r.score, words: r.words, term: term };
  });
  this.runs.delete(term);
  this.runs.set(term, kept);
  if (this.runs.size > 2 * (1 << D_VARIANTS)) { this.runs.delete(this.runs.keys().next().value); }
  return found;
};

/* A method called as a searcher is (here, or in a helper): its answer, always a promise. */
Shards.prototype.call = function (method, args) {
  var shards = this;
  return Promise.resolve().then(function () { return shards[method].apply(shards, args); });
};

/* A result's page as Pagefind reads it (a site without fragment lists). */
Shards.prototype.data = function (term, id) {
  var result = this.runs.has(term) && this.runs.get(term).get(id);
  return result ? result.data() : Promise.reject(new Error("no such result: " + id));
};

/* Shards searched in a helper worker (this same file, under HELPER_NAME). A helper that fails
   fails every call, then and after. */
function Helper() {
  var pending = this.pending = new Map();
  var helper = this;
  this.next = 0;
  this.broken = null;
  this.worker = new Worker(self.location.href, { name: HELPER_NAME });
  this.worker.addEventListener("message", function (event) {
    var answer = event.data, waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (!waiting) { return; }
    if ("error" in answer) { waiting.reject(new Error(answer.error)); } else { waiting.resolve(answer.result); }
  });
  this.worker.addEventListener("error", function (event) {
    event.preventDefault();
    helper.broken = new Error("vanban search: a helper worker failed: " + (event.message || "not started"));
    pending.forEach(function (waiting) { waiting.reject(helper.broken); });
    pending.clear();
  });
}

Helper.prototype.call = function (method, args) {
  if (this.broken) { return Promise.reject(this.broken); }
  var id = this.next++, pending = this.pending, worker = this.worker;
  return new Promise(function (resolve, reject) {
    pending.set(id, { resolve: resolve, reject: reject });
    worker.postMessage({ id: id, method: method, args: args });
  });
};

/* A helper's part: the messages of the worker that started it. */
function serveHelper() {
  var shards = new Shards();
  self.addEventListener("message", function (event) {
    var asked = event.data;
    shards.call(asked.method, asked.args)
      .then(function (result) { self.postMessage({ id: asked.id, result: result }); },
            function (error) { self.postMessage({ id: asked.id, error: String(error && error.message || error) }); });
  });
}

/* The shards cut into `n` runs, in order, of sizes differing by one at most. */
function runsOf(shards, n) {
  var out = [];
  for (var i = 0; i < n; i++) {
    out.push(shards.slice(Math.floor(i * shards.length / n), Math.floor((i + 1) * shards.length / n)));
  }
  return out;
}

/* The searchers over every shard: this worker and helpers, one per core up to SEARCHERS, each
   over a run of the shards in order. Where a helper cannot start or load, its shards are
   searched here (a failure of this site's shards then fails the whole, as it would alone). */
async function startSearchers(shards) {
  var cores = self.navigator && self.navigator.hardwareConcurrency || 1;
  var n = Math.max(1, Math.min(shards.length, SEARCHERS, cores));
  var parts = runsOf(shards, n);
  var here = new Shards();  /* the first run, searched in this worker */
  var helpers = [];
  try {
    while (helpers.length < n - 1) { helpers.push(new Helper()); }
  } catch (error) {  /* no worker of a worker here */
    helpers.forEach(function (helper) { helper.worker.terminate(); });
    helpers = [];
  }
  if (!helpers.length) {
    await here.call("load", [shards]);
    return [here];
  }
  var loads = await Promise.allSettled([here.call("load", [parts[0]])].concat(helpers.map(function (helper, i) {
    return helper.call("load", [parts[i + 1]]);
  })));
  if (loads[0].status === "rejected") { throw loads[0].reason; }
  var failed = loads.filter(function (load) { return load.status === "rejected"; });
  if (!failed.length) { return [here].concat(helpers); }
  console.warn("vanban search: every shard searched in this worker", failed[0].reason);
  helpers.forEach(function (helper) { helper.worker.terminate(); });
  await here.call("load", [[].concat.apply([], parts.slice(1))]);
  return [here];
}

/* Other vanban sites searched with this one (pagefind/shards.json `others`: their root URLs;
   their servers must allow this site's origin, README "Several sites"): their shards, after
   this site's. Their results carry their own addresses. A site that does not answer is left
   out; this site's search still works. */
async function othersShards(others) {
  var listed = await Promise.all(others.map(function (other) {
    var root = new URL(other, SITE);
    return fetch(new URL("pagefind/shards.json", root)).then(function (r) { return r.json(); })
      .then(function (theirs) { return { shards: shardUrls(root, theirs.shards), base: root.href }; })
      .catch(function (error) {
        othersWarning(other, error);
        return null;
      });
  }));
  return listed.filter(Boolean);
}

/* The index starts loading when the worker starts (Material starts it with the page, and
   fetches its own lunr index then too), not when the search box is opened: by the time a query
   is typed, Pagefind and its shards are ready. The shards load together. */
async function load() {
  try {
    var listing = await (await fetch(new URL("pagefind/shards.json", SITE))).json();
    var mine = { shards: shardUrls(SITE, listing.shards), base: SITE.pathname };
    var all = [mine].concat(await othersShards(listing.others || []));
    var shards = [];
    all.forEach(function (source) {
      source.shards.forEach(function (folder) {
        shards.push({ folder: folder, base: source.base, own: source === mine });
      });
    });
    searchers = await startSearchers(shards);
    sources = all;
  } catch (error) {  /* no index (a site copied without pagefind/): say so, answer nothing */
    console.error("vanban search: the search index could not be loaded", error);
    searchers = null;
  }
}

var loading = null;

/* One search at a time: Material sends a query for every key typed, and searches cannot run
   side by side (Pagefind's WebAssembly runs one at a time). The queries typed while one is
   searched wait, and only the last of them is searched next. */
var waiting = null;
var searching = false;

async function searchLatest() {
  searching = true;
  while (waiting !== null) {
    var query = waiting, mine = latest;
    waiting = null;
    try {
      await search(query, mine);
    } catch (error) {
      console.error("vanban search: the query failed", error);
    }
  }
  searching = false;
}

function serveMaterial() {
  loading = load();
  self.addEventListener("message", onMaterialMessage);
}

async function onMaterialMessage(event) {
  var message = event.data;
  if (message.type === 0) {                                   /* SETUP */
    await loading;
    self.postMessage({ type: 1 });                            /* READY */
  } else if (message.type === 2) {                            /* QUERY */
    latest += 1;
    waiting = message.data;
    await loading;
    if (!searching) { await searchLatest(); }
  }
}

if (self.name === HELPER_NAME) { serveHelper(); } else { serveMaterial(); }
