// NewsML-G2 (IPTC): a file is one `newsItem`, or a `newsMessage` whose `itemSet` carries several items.
// Pure: bytes and options in, items or diagnostics out; never throws.
//
// Mapping decisions (where the standard or the feeds leave a choice):
// - Identity: `id:<guid>`; version: the `version` attribute (Reuters' are large, ordered numbers).
// - Status: `itemMeta/pubStatus` (absent: usable). Reuters' kill also signals `edStat:D` (deleted); that
//   signal alone, with a usable pubStatus, is read as a kill too (with a warning): a story its agency
//   deleted must not stay up.
// - Correction: signal `edStat:C` (Reuters) or `sig:correction`, or a `CORRECTED-` headline mark. The public
//   note is Reuters' opening paragraph `(In Jan. 3 story, corrects …)`, taken out of the body.
// - Embargo: `itemMeta/embargoed` (G2 2.x; dpa's converter sends it, BusinessDesk sends it empty: no
//   embargo). An embargo that cannot be read rejects the item rather than risk breaking it.
// - Times: `published` is `firstCreated`, else `versionCreated`; `modified` is `versionCreated` when later
//   (STT's versionCreated precedes its firstCreated: no modified, a warning). Zone-less times (BusinessDesk's
//   `2016-01-12 12:35:40`) are read in the configured zone with a warning; colon-less offsets (ANSA's
//   `+0100`) are read as offsets.
// - Headline: `contentMeta/headline` without a role or with a main role, lowest `rank` first (dpa ranks its
//   kicker 3); else the inline NITF's `hl1`/`title`; else `itemMeta/title`. Reuters' marks (`CORRECTED-`,
//   `REFILE-`, `UPDATE 2-`) are taken off. Subheadline: a headline whose role names one (`hld:subHeadline`),
//   else the inline NITF's `hl2`.
// - Byline: a first paragraph that is only a byline (`By Toby Davis`) wins and leaves the body, with the
//   metadata's agencies added (`By Toby Davis | Reuters`); else `contentMeta/by`; else the inline NITF
//   byline (without `byttl`); else the creators (`name` or `literal`), skipping staff logins (dpa's
//   `tholl.gregor`) and desk codes (ANSA's `VRG`); else `creditline` when it is an agency (`dpa`).
//   Contributors (editors) are never bylines.
// - Dateline: the place of the dateline printed at the start of the text (what readers see), else of
//   `contentMeta/dateline` (`London (dpa) -` → London; Reuters' timestamp there is no place), else
//   `located`, else the inline NITF's. The printed dateline is taken off the first paragraph (dpa marks it
//   up as `span.dateline`); `datelineText` falls back on the dateline field.
// - Subjects: `itemMeta/service`, `memberOf` (Reuters' `Business`: its name), `contentMeta/subject` and
//   `genre`, qcodes as written with their display names, plus each `sameAs` code; `broader` and keywords are
//   not subjects.
// - Body: the first inline rendition with text: `inlineXML` holding XHTML (`html/body`; dpa's `header`
//   copy of the metadata dropped) or NITF (read by the NITF reader), else `inlineData` (paragraphs at blank
//   or indented lines; `<p>` markup in it, as ANSA sends, read as HTML). `remoteContent` is not fetched: a
//   usable item without inline text is rejected. `description` (a summary or caption) is not body.
// - Never read, so never shown: `edNote` (in any role, public or not), `header`, a story's `rightsInfo` (a
//   picture's is), `hopHistory`, `assert`, links, `slugline`.
// - Pictures (picture.ts, package.ts): picture newsItems of a newsMessage become the `pictures` of the story
//   a `packageItem` groups them with (its first picture the lead), or of the message's only text item;
//   they are then no items of their own. An image `remoteContent` in a text item's own contentSet (ANSA)
//   is a picture of that item too, before any attached ones. Pictures are never body blocks here.
// - Packages: a `packageItem` holds references, not text: skipped with a warning in a newsMessage (after
//   its pictures are attached, and without a warning when it grouped pictures with a story), and a file
//   that is one is rejected. Fragments (a bare `contentSet` or
//   `contentMeta`, as IPTC's listings show) and other item kinds (concept, planning, knowledge items) are
//   rejected, saying what they are.
// - BusinessDesk's nonconformant `scoop` feed (`<Header>`, `<Sent>`, `<ednote>`, zone-less times, headline
//   only in the inline NITF) is read: element names are matched case-insensitively.
// - Options: `maxLineLength` is not applied (XML is not line-oriented: minified feeds put a whole file on
//   one line; the reader bounds nesting and stops at the first fatal problem instead); `fileTime` is not
//   needed (every time in the format carries its year). contentMeta/urgency is the item's urgency.
import type { Diagnostic, FileParse, FormatOptions, ItemParse } from '../item.ts';
import { fileResult, guarded, isValidZone, lineClamp, MAX_ITEMS_PER_FILE } from '../shared/wire-item.ts';
import { children, elementsOf, parseXml, sniffRootElement } from '../shared/xml.ts';
import { readNewsItem } from './item.ts';
import { attachPictures, type Attachments } from './package.ts';
import { isPictureItem } from './picture.ts';

const ITEM_ROOTS = new Set(['newsitem', 'newsmessage', 'packageitem', 'conceptitem', 'planningitem', 'knowledgeitem', 'catalog']);
const FRAGMENTS = new Set(['contentset', 'contentmeta', 'itemmeta', 'inlinexml', 'itemset']);

/** Content sniffing: the root is a NewsML-G2 item or message (or a fragment of one, rejected by the parser). */
export function looksLikeNewsmlG2(bytes: Uint8Array): boolean {
  const root = sniffRootElement(bytes);
  if (!root) return false;
  const name = root.name.toLowerCase();
  // Fragments (`contentSet`, `contentMeta`: NewsML-G2's own names) are recognised so that the parser can
  // say what they are; a `catalog` only in the NewsML-G2 namespace.
  if ((ITEM_ROOTS.has(name) && name !== 'catalog') || FRAGMENTS.has(name)) return true;
  return name === 'catalog' && root.head.includes('iptc.org/std/nar/');
}

export function parseNewsmlG2(bytes: Uint8Array, options: FormatOptions): FileParse {
  return guarded('newsml-g2', () => {
    const xml = parseXml(bytes);
    const at = lineClamp(xml.lines);
    const warnings: Diagnostic[] = xml.warnings.map((w) => ({ ...w, line: at(w.line) }));
    const reject = (line: number, message: string): FileParse => ({ format: 'newsml-g2', items: [], errors: [{ line: at(line), message }], warnings });
    if (!xml.ok) return { format: 'newsml-g2', items: [], errors: [xml.error], warnings };
    if (!isValidZone(options.timeZone))
      return reject(1, `unknown time zone ${JSON.stringify(String(options.timeZone))} (expected an IANA zone such as Asia/Karachi)`);
    const root = xml.root;
    const name = root.name.toLowerCase();

    let newsItems = [root];
    let attached: Attachments = new Map();
    if (name === 'newsmessage') {
      const itemSets = children(root, 'itemSet', { ci: true });
      const members = itemSets.flatMap(elementsOf);
      newsItems = members.filter((m) => m.name.toLowerCase() === 'newsitem');
      for (const m of members) {
        if (m.name.toLowerCase() === 'packageitem') continue;
        if (m.name.toLowerCase() !== 'newsitem') {
          warnings.push({ line: at(m.line), message: `<${m.qname}> skipped: only newsItems carry stories` });
        }
      }
      if (newsItems.length === 0) {
        return reject(itemSets[0]?.line ?? root.line, 'the newsMessage carries no newsItem (expected itemSet/newsItem)');
      }
      if (newsItems.length <= MAX_ITEMS_PER_FILE) {
        const pictures = newsItems.filter(isPictureItem);
        const packages = members.filter((m) => m.name.toLowerCase() === 'packageitem');
        attached = attachPictures(
          newsItems.filter((i) => !pictures.includes(i)),
          pictures,
          packages,
        );
        const placed = new Set([...attached.values()].flat());
        newsItems = newsItems.filter((i) => !placed.has(i));
        // a package that grouped pictures with their story did its work; one that grouped nothing is noted
        if (placed.size === 0)
          for (const p of packages) warnings.push({ line: at(p.line), message: 'packageItem skipped: a package lists other items and carries no story text' });
      }
    } else if (name === 'packageitem') {
      return reject(root.line, 'a NewsML-G2 packageItem lists other items and carries no story text: nothing to publish');
    } else if (FRAGMENTS.has(name)) {
      return reject(
        root.line,
        `a fragment of a NewsML-G2 item (the root is <${root.qname}>): expected a <newsItem> or <newsMessage> with the item's identity and times`,
      );
    } else if (name !== 'newsitem') {
      return reject(
        root.line,
        ITEM_ROOTS.has(name)
          ? `a NewsML-G2 ${root.name} is not a news story: expected a <newsItem> or <newsMessage>`
          : `not NewsML-G2: the root element is <${root.qname}>, expected <newsItem> or <newsMessage>`,
      );
    }
    if (newsItems.length > MAX_ITEMS_PER_FILE) {
      return reject(root.line, `the newsMessage carries ${newsItems.length} newsItems, more than the ${MAX_ITEMS_PER_FILE} a file may hold`);
    }
    const items: ItemParse[] = newsItems.map((item) => readNewsItem(item, options, xml.lines, attached.get(item) ?? []));
    return fileResult('newsml-g2', items, warnings, { line: 1, message: 'no newsItem' });
  });
}
