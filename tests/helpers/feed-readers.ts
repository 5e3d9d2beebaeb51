// Feeds read the way subscribers' readers read them, and compared with what the site's pages show.
// Two real parsers: @rowanmanning/feed-parser (Node; decodes HTML references in every text field, as
// many readers do) and python's feedparser (Debian's python3-feedparser; decides per field whether the
// text is plain or HTML, and an HTML field is shown as the text a browser would render).
import { parseFeed } from '@rowanmanning/feed-parser';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { attr, elements, parseHtml, parseHtmlFragment, textOf, type Node } from '../seo/html.ts';

/** Debian's python (the one python3-feedparser installs into), not a pyenv or venv python on the PATH. */
const PYTHON = '/usr/bin/python3';

interface PyText {
  value: string | null;
  type: string | null;
}
export interface PyFeed {
  title: PyText;
  subtitle: PyText;
  /** `language`: the entry's own (`dc:language`, `xml:lang`), when it has one. */
  entries: { link: string; title: PyText; summary: PyText; tags: string[]; author: string | null; updated: string | null; language: string | null }[];
}

const FEEDPARSER_SCRIPT = `
import feedparser, json, sys
out = []
for path in sys.argv[1:]:
    f = feedparser.parse(path)
    if f.bozo: raise SystemExit(f"{path}: feedparser: {f.bozo_exception}")
    d = lambda o, k: {"value": o.get(k), "type": (o.get(k + "_detail") or {}).get("type")}
    out.append({"title": d(f.feed, "title"), "subtitle": d(f.feed, "subtitle"), "entries": [
        {"link": e.get("link"), "title": d(e, "title"), "summary": d(e, "summary"),
         "tags": [t.get("term") for t in e.get("tags", [])], "author": e.get("author"), "updated": e.get("updated"), "language": e.get("language")} for e in f.entries]})
json.dump(out, sys.stdout)
`;

/** Every feed file given, read by python's feedparser (one process for all). */
export function readWithFeedparser(paths: string[]): PyFeed[] {
  const out = execFileSync(PYTHON, ['-c', FEEDPARSER_SCRIPT, ...paths], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return JSON.parse(out) as PyFeed[];
}

/** What a reader shows for a feedparser field: an HTML field as rendered text, plain text as is. */
export function shownText(field: PyText): string | null {
  if (field.value === null) return null;
  return field.type === 'text/html' ? textOf(parseHtmlFragment(field.value)) : field.value;
}

/** Every RSS file of a built site: `rss.xml` and `{section}/rss.xml`. */
export function feedFiles(dist: string): string[] {
  const sections = readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dist, e.name, 'rss.xml')))
    .map((e) => `${e.name}/rss.xml`);
  return ['rss.xml', ...sections.sort()];
}

const byClass = (root: Node, tag: string, cls: string) => elements(root, tag).filter((e) => (attr(e, 'class') ?? '').split(/\s+/).includes(cls));

/** What an article page shows: headline, section kicker and byline names. */
export interface ShownArticle {
  headline: string;
  section: string;
  byline: string;
}

export function shownArticle(html: string): ShownArticle {
  const root = parseHtml(html);
  const story = byClass(root, 'article', 'story')[0];
  if (!story) throw new Error('no <article class="story"> on the page');
  const names = byClass(story, 'p', 'byline-names')[0];
  return {
    headline: textOf(elements(story, 'h1')[0]!),
    section: textOf(byClass(story, 'a', 'kicker')[0]!),
    byline: names ? textOf(names).replace(/^By /, '') : '',
  };
}

/** Teaser text shown under each headline in a list page: article path (as linked) → summary. */
export function teasers(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const teaser of byClass(parseHtml(html), 'article', 'teaser')) {
    const heading = [...elements(teaser, 'h2'), ...elements(teaser, 'h3')][0];
    const link = heading && elements(heading, 'a')[0];
    const summary = elements(teaser, 'p')[0];
    if (link && summary) found.set(attr(link, 'href')!, textOf(summary));
  }
  return found;
}

/** What the page a channel is for shows as its title and description (`<title>`, meta description). */
export function shownPage(html: string): { title: string; description: string | undefined } {
  const root = parseHtml(html);
  const meta = elements(root, 'meta').find((m) => attr(m, 'name') === 'description');
  return { title: textOf(elements(root, 'title')[0]!), description: meta && attr(meta, 'content') };
}

/** Every teaser on the site's list pages (home, sections, agencies, days), by article path. */
export function siteTeasers(dist: string): Map<string, string> {
  const all = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') for (const [href, text] of teasers(readFileSync(path, 'utf8'))) all.set(href, text);
    }
  };
  walk(dist);
  return all;
}

export interface FeedMismatch {
  feed: string;
  link: string;
  field: string;
  reader: 'feed-parser' | 'feedparser';
  read: string | null | undefined;
  shown: string | undefined;
}

/**
 * Reads every feed of the site with both parsers and compares each item's title, description,
 * category and creator with the headline, teaser, section and byline the site shows, and each
 * channel's title and description with the title and description of the page it is for. Returns
 * what differs, and how many items were compared.
 */
export function compareFeedsWithPages(dist: string): { mismatches: FeedMismatch[]; items: number; feeds: number } {
  const files = feedFiles(dist);
  const python = readWithFeedparser(files.map((f) => join(dist, f)));
  const teaserText = siteTeasers(dist);
  const pathOf = (link: string) => new URL(link).pathname;
  const mismatches: FeedMismatch[] = [];
  let items = 0;
  files.forEach((feedPath, i) => {
    const node = parseFeed(readFileSync(join(dist, feedPath), 'utf8'));
    const py = python[i]!;
    const channelPage = pathOf(node.url!);
    const channel = shownPage(readFileSync(join(dist, relative('/', channelPage), 'index.html'), 'utf8'));
    const check = (link: string, field: string, reader: FeedMismatch['reader'], read: string | null | undefined, shown: string | undefined) => {
      if (read !== shown) mismatches.push({ feed: feedPath, link, field, reader, read, shown });
    };
    check(node.url!, 'channel title', 'feed-parser', node.title, channel.title);
    check(node.url!, 'channel description', 'feed-parser', node.description, channel.description);
    check(node.url!, 'channel title', 'feedparser', shownText(py.title), channel.title);
    check(node.url!, 'channel description', 'feedparser', shownText(py.subtitle), channel.description);
    if (py.entries.length !== node.items.length) throw new Error(`${feedPath}: feedparser read ${py.entries.length} items, feed-parser ${node.items.length}`);
    node.items.forEach((item, k) => {
      items++;
      const entry = py.entries[k]!;
      const link = item.url!;
      if (entry.link !== link) throw new Error(`${feedPath}: item ${k} is ${link} in feed-parser, ${entry.link} in feedparser`);
      const pagePath = pathOf(link);
      const page = shownArticle(readFileSync(join(dist, relative('/', pagePath), 'index.html'), 'utf8'));
      const creator = item.element.findElementsWithName('creator').find((e) => e.namespace === 'dc');
      check(link, 'title', 'feed-parser', item.title, page.headline);
      check(link, 'title', 'feedparser', shownText(entry.title), page.headline);
      check(link, 'description', 'feed-parser', item.description, teaserText.get(pagePath));
      check(link, 'description', 'feedparser', shownText(entry.summary), teaserText.get(pagePath));
      check(link, 'category', 'feed-parser', item.categories[0]?.label, page.section);
      check(link, 'category', 'feedparser', entry.tags[0], page.section);
      check(link, 'dc:creator', 'feed-parser', creator?.textContentNormalized ?? '', page.byline);
      check(link, 'dc:creator', 'feedparser', entry.author ?? '', page.byline);
    });
  });
  return { mismatches, items, feeds: files.length };
}
