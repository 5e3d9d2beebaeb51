// The search page's script (src/pages/search/index.astro): Pagefind over the index the build writes
// (integrations/dateline/search/), one index per shard listed newest first in `search/shards.json`.
// Bundled by Astro into a file under `_astro/` and loaded with `<script type="module" src>`: the page
// has no inline script, and the Content-Security-Policy of `_headers` allows it through `'self'`
// (Pagefind's own `pagefind.js` too; its WebAssembly through `'wasm-unsafe-eval'`).
//
// What it reads from the page: the form's `data-base` (Astro's base, with trailing slash), the
// elements `#search-status`, `#search-results`, `#search-more`, and the page's `lang` and `dir`.
// Results are newest first (each story's `date` sort key). Result text is put into the page as text
// nodes; only Pagefind's <mark> highlights are kept from its excerpt.

/** What the build's search records hold (integrations/dateline/search/records.ts): filters are one value each. */
interface ResultFilters {
  date?: string;
  lang?: string;
  dir?: string;
  /** The thumbnail's site path (without the base), its alt text and `WxH`. */
  image?: string;
  image_alt?: string;
  image_size?: string;
}

/** A result's data, as Pagefind's `result.data()` gives it (the fields this page reads). */
interface PagefindResultData {
  url: string;
  /** The indexed text, Pagefind's way (`<`, `>` escaped, `&` not); `raw_content` is the text as written. */
  content?: string;
  raw_content?: string;
  /** A run of the text's words with `<mark>` around the hits. */
  excerpt: string;
  meta: { title?: string } & Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
}

interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

interface PagefindSearch {
  results: PagefindResult[];
}

/** The part of a shard's `pagefind.js` module this page uses. */
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  search(query: string, options?: { sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
}

interface Shard {
  path: string;
  span: string;
}

/** The search in progress. */
interface SearchState {
  query: string;
  words: string[];
  /** Matching results so far, in shard order (newest first). */
  found: PagefindResult[];
  /** Index of the next shard to search. */
  next: number;
  shown: number;
  wanted: number;
}

const MAX = 30;
const PARALLEL = 4;

function element<T extends Element>(selector: string, type: new () => T): T {
  const found = document.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`search: no ${selector} on the page`);
  return found;
}

const form = element('form[data-base]', HTMLFormElement);
const input = element('form[data-base] input[type="search"]', HTMLInputElement);
const statusLine = element('#search-status', HTMLElement);
const resultsList = element('#search-results', HTMLOListElement);
const more = element('#search-more', HTMLButtonElement);
const base = form.dataset.base ?? '/';

// Pagefind's excerpt escapes `<` and `>` but not `&`, so a story's `&lt;i&gt;` or `&amp;` would show
// decoded. The excerpt is the story's words `start…start+n` (split like Pagefind splits them) with
// <mark> around hits: find those words in the raw text and show them as text.
const WORDS = /[^\S\uFEFF]+/g;
function excerptFromWords(r: PagefindResultData): Node[] | undefined {
  const escaped = (r.raw_content ?? '').split(WORDS);
  const words = (r.content ?? '').split(WORDS);
  if (escaped.length !== words.length || (r.raw_content ?? '').includes('\u200B')) return undefined;
  const tokens = r.excerpt.split(' ');
  const plain = tokens.map((t) => t.replace(/^<mark>/, '').replace(/<\/mark>$/, ''));
  for (let i = 0; i + plain.length <= escaped.length; i++) {
    if (!plain.every((w, k) => escaped[i + k] === w)) continue;
    return tokens.flatMap((t, k): Node[] => {
      const word = words[i + k] ?? '';
      const last = k === tokens.length - 1;
      if (!t.startsWith('<mark>')) return [document.createTextNode(last ? word : `${word} `)];
      const mark = document.createElement('mark');
      mark.textContent = word;
      return last ? [mark] : [mark, document.createTextNode(' ')];
    });
  }
  return undefined;
}

function excerptNodes(r: PagefindResultData): Node[] {
  const fromWords = excerptFromWords(r);
  if (fromWords) return fromWords;
  const doc = new DOMParser().parseFromString(`<p>${r.excerpt}</p>`, 'text/html');
  return [...(doc.body.firstChild?.childNodes ?? [])].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

/** A result's filters, one value each (the record's only metadata is the headline, which is searched). */
function resultFilters(r: PagefindResultData): ResultFilters {
  const filters: Record<string, string> = {};
  for (const [key, values] of Object.entries(r.filters ?? {})) {
    const value = values?.[0];
    if (value !== undefined) filters[key] = value;
  }
  return filters;
}

// Each result is set in its story's language and direction (the record's `lang` and `dir`): an
// Urdu story's excerpt reads right to left, an English story's left to right even when it starts
// with Urdu words (text direction guessed from an excerpt's first letter puts English words of a
// mixed line out of order). The headline takes its own direction (an Urdu headline over English
// text); the date is the page's own words.
const pageLang = document.documentElement.lang;
const pageDir = document.documentElement.dir || 'ltr';
function resultItem(r: PagefindResultData): HTMLLIElement {
  const data = resultFilters(r);
  const li = document.createElement('li');
  li.dir = data.dir === 'rtl' || data.dir === 'ltr' ? data.dir : 'auto';
  if (data.lang && data.lang !== pageLang) li.lang = data.lang;
  const h = document.createElement('h2');
  h.dir = 'auto';
  const a = document.createElement('a');
  a.href = r.url;
  a.textContent = r.meta.title || r.url;
  h.append(a);
  const p = document.createElement('p');
  p.dir = li.dir;
  p.append(...excerptNodes(r));
  li.className = 'teaser';
  const text = document.createElement('div');
  text.className = 'teaser-text';
  text.append(h, p);
  li.append(text);
  if (data.image) {
    // the story's photo, beside the result (a site path from the index; the base is added here)
    const [w, hgt] = (data.image_size || '360x240').split('x');
    const img = document.createElement('img');
    img.src = `${base}${data.image}`;
    img.alt = data.image_alt ?? '';
    img.width = Number(w);
    img.height = Number(hgt);
    img.loading = 'lazy';
    img.decoding = 'async';
    const thumb = document.createElement('span');
    thumb.className = 'thumb';
    thumb.append(img);
    li.classList.add('has-thumb', 'thumb-side');
    li.prepend(thumb);
  }
  if (data.date) {
    const d = document.createElement('div');
    d.className = 'meta';
    d.dir = pageDir;
    if (li.lang) d.lang = pageLang;
    d.textContent = data.date;
    text.append(d);
  }
  return li;
}

let shardList: Promise<Shard[]> | undefined;
const shardModules = new Map<string, Promise<Pagefind>>();
const shards = (): Promise<Shard[]> =>
  (shardList ??= fetch(`${base}search/shards.json`, { cache: 'no-cache' })
    .then((r) => r.json() as Promise<{ shards: Shard[] }>)
    .then((j) => j.shards));

function shardSearch(path: string): Promise<Pagefind> {
  let pagefind = shardModules.get(path);
  if (!pagefind) {
    // Each shard's own `pagefind.js`, loaded at run time from the site (not bundled).
    pagefind = (import(/* @vite-ignore */ `${base}pagefind/${path}/pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
      await pf.options({ baseUrl: base });
      return pf;
    });
    shardModules.set(path, pagefind);
  }
  return pagefind;
}

// Which stories a query finds. Pagefind's own search is made for search-as-you-type: in the shard it
// searches, a query word matches every indexed word that begins with it ("tax" finds stories with
// only "taxation"); when there is none, the longest indexed word that the query word begins with
// ("xyzzyqq" finds "X", "zzzz" finds "Gen Z"); and in a query of several words, a word that matches
// neither way is left out. A reader's query asks for the stories that hold every word: so each word
// is looked up alone as an exact (quoted) Pagefind search, which matches the word's stem only
// ("floods" finds "flooding", not "floodgates"), and a shard's results are the stories that every
// word's lookup holds. The plain search of the same words gives their order and excerpts (whose
// highlights may include longer words that begin with a query word).
// A query in double quotes is Pagefind's phrase search, which matches exactly already.
const PHRASE = /^\s*".+"\s*$/;
// The indexer keeps only letters and digits of a word (`Lahore-based` is `lahorebased`, and its
// parts); a "word" with neither (a dash, `&`) is no word.
const queryWords = (query: string): string[] => [
  ...new Set(
    query
      .split(/\s+/)
      .map((w) => w.replace(/[^\p{L}\p{M}\p{N}]/gu, '').toLocaleLowerCase())
      .filter(Boolean),
  ),
];

async function shardResults(pf: Pagefind, query: string, words: string[]): Promise<PagefindResult[]> {
  const sort = { date: 'desc' } as const;
  if (PHRASE.test(query)) return (await pf.search(query, { sort })).results;
  if (!words.length) return [];
  const stories: Set<string>[] = [];
  for (const word of words) {
    const ids = new Set((await pf.search(`"${word}"`)).results.map((r) => r.id));
    if (!ids.size) return []; // the shard has no story with this word
    stories.push(ids);
  }
  const { results } = await pf.search(words.join(' '), { sort });
  return results.filter((r) => stories.every((ids) => ids.has(r.id)));
}

// Shards are newest first and each is searched newest first, so results in shard order are newest
// first across the archive.
let current: SearchState | undefined;
async function showMore(s: SearchState): Promise<void> {
  s.wanted += MAX;
  more.hidden = true;
  const list = await shards();
  while (s.found.length < s.wanted && s.next < list.length) {
    // A few shards of the same span at a time, fetched and searched together: the newest month
    // is cut finely (its first shards hold a handful of stories each).
    const span = list[s.next]!.span;
    const batch: Shard[] = [];
    for (let i = s.next; i < list.length && batch.length < PARALLEL && list[i]!.span === span; i++) batch.push(list[i]!);
    const found = await Promise.all(batch.map(async (shard) => shardResults(await shardSearch(shard.path), s.query, s.words)));
    if (s !== current) return;
    for (const results of found) s.found.push(...results);
    s.next += batch.length;
  }
  const page = s.found.slice(s.shown, s.wanted);
  const results = await Promise.all(page.map((r) => r.data()));
  if (s !== current) return;
  resultsList.append(...results.map(resultItem));
  s.shown += page.length;
  const complete = s.next >= list.length;
  const total = s.found.length;
  if (complete && total === 0) statusLine.textContent = `No stories found for “${s.query}”.`;
  else if (complete && total <= s.shown) statusLine.textContent = `${total} ${total === 1 ? 'story' : 'stories'} found for “${s.query}”, newest first.`;
  else if (complete) statusLine.textContent = `${total} stories found for “${s.query}”, newest first (first ${s.shown} shown).`;
  else statusLine.textContent = `The ${s.shown} newest stories found for “${s.query}”; older ones with “More results”.`;
  more.hidden = complete && total <= s.shown;
}

function unavailable(error: unknown): void {
  statusLine.textContent = 'Search is not available right now.';
  console.error(error);
}

async function run(rawQuery: string): Promise<void> {
  const query = rawQuery.trim();
  resultsList.replaceChildren();
  more.hidden = true;
  current = undefined;
  if (!query) {
    statusLine.textContent = '';
    return;
  }
  statusLine.textContent = 'Searching…';
  current = { query, words: queryWords(query), found: [], next: 0, shown: 0, wanted: 0 };
  await showMore(current).catch(unavailable);
}

more.addEventListener('click', () => {
  if (current) showMore(current).catch(unavailable);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set('q', input.value);
  history.replaceState(null, '', url);
  void run(input.value);
});
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  void run(initial);
}

// A module (its names are its own, not globals like `window.status`).
export {};
