// NewsML 1.2 (IPTC, 2003; AFP's legacy feed): `NewsML` → `NewsEnvelope` and one or more `NewsItem`s,
// each with `Identification`, `NewsManagement` and a `NewsComponent` tree holding the text. Pure: bytes
// and options in, items or diagnostics out; never throws.
//
// Mapping decisions:
// - Identity: `id:urn:newsml:<ProviderId>:<DateId>:<NewsItemId>`, the PublicIdentifier without its
//   revision, so all revisions of a story share one key; version: `RevisionId`.
// - Status: `NewsManagement/Status FormalName` Usable, Canceled, Withheld; Embargoed is usable with an
//   embargo until `StatusWillChange/DateAndTime` (when its FutureStatus is Usable), else withheld.
//   `Update` elements (partial changes to an earlier revision) are not applied: such an item is rejected.
// - Times: `published` is `FirstCreated` (else `ThisRevisionCreated`); `modified` is `ThisRevisionCreated`
//   when later. Basic ISO forms (`20140829T134951+0000`) are read as they are.
// - The text is the first text `ContentItem` (MediaType Text, or a NITF/XHTML Format) found depth-first in
//   the `NewsComponent` tree; `NewsLines` and `DescriptiveMetadata` are taken from the nearest component on
//   the way to it. `DataContent` holds NITF (`nitf`, or NITF body elements such as AFP's bare `p`s: read by
//   the NITF reader), XHTML, or text. Other media components (video, audio) are not read.
// - Photos (photo.ts): each photo component (Role Photo, or photo ContentItems with a caption) is one
//   picture, its ContentItem Hrefs the renditions; the first is the lead, the rest inline (NewsML 1.2
//   places none in the text). A photo's caption component is never taken for the story text.
// - Headline: `NewsLines/HeadLine`, else the NITF `hl1`; subheadline `SubHeadLine`, else NITF `hl2`.
// - Byline: `NewsLines/ByLine` (without `ByLineTitle`), else the NITF byline, else `CreditLine` or the
//   provider's party when it is an agency (`AFP`); a byline paragraph opening the body wins (see NITF).
// - Dateline: the place of a dateline printed at the start of the text (what readers see), else of
//   `NewsLines/DateLine` (`STOCKHOLM, Aug 29, 2014 (AFP) -` → STOCKHOLM), else the NITF dateline, else
//   `Location` Property City; `datelineText` is the printed dateline, else the DateLine as AFP prints it
//   above the text.
// - Subjects: `SubjectCode/Subject|SubjectMatter|SubjectDetail FormalName` → `subj:<code>`, AFP's `cat`
//   → `cat:<cat>`, `Genre` → `genre:<name>`, the envelope's `NewsService` → `service:<code>`.
//   `OfInterestTo` and `NewsProduct` (distribution lists) and keyword properties are not subjects.
// - Dropped: editors' initials closing the story (AFP `hh/ph/ts/hd`), and what the NITF reader drops.
// - AFP's newer feed declares ISO-8859-1 and sends UTF-8: the bytes decide (shared/decode.ts), with a warning.
// - Options: `maxLineLength` is not applied (XML is not line-oriented: minified feeds put a whole file on
//   one line; the reader bounds nesting and stops at the first fatal problem instead); `fileTime` is not
//   needed (every time in the format carries its year). NewsManagement/Urgency is the item's urgency.
import type { Diagnostic, FileParse, FormatOptions, ItemParse } from '../item.ts';
import { fileResult, guarded, isValidZone, lineClamp, MAX_ITEMS_PER_FILE } from '../shared/wire-item.ts';
import { child, children, parseXml, sniffRootElement } from '../shared/xml.ts';
import { CI } from './component.ts';
import { readNewsItem12 } from './item.ts';

/** Content sniffing: the root element is `NewsML` (NewsML-G2 roots are `newsItem`/`newsMessage`). */
export function looksLikeNewsml12(bytes: Uint8Array): boolean {
  return sniffRootElement(bytes)?.name.toLowerCase() === 'newsml';
}

export function parseNewsml12(bytes: Uint8Array, options: FormatOptions): FileParse {
  return guarded('newsml-1.2', () => {
    const xml = parseXml(bytes);
    const at = lineClamp(xml.lines);
    const warnings: Diagnostic[] = xml.warnings.map((w) => ({ ...w, line: at(w.line) }));
    const reject = (line: number, message: string): FileParse => ({ format: 'newsml-1.2', items: [], errors: [{ line: at(line), message }], warnings });
    if (!xml.ok) return { format: 'newsml-1.2', items: [], errors: [xml.error], warnings };
    if (!isValidZone(options.timeZone))
      return reject(1, `unknown time zone ${JSON.stringify(String(options.timeZone))} (expected an IANA zone such as Asia/Karachi)`);
    const root = xml.root;
    if (root.name.toLowerCase() !== 'newsml') return reject(root.line, `not NewsML 1.2: the root element is <${root.qname}>, expected <NewsML>`);
    const newsItems = children(root, 'NewsItem', CI);
    if (newsItems.length === 0) return reject(root.line, 'the NewsML document carries no NewsItem');
    if (newsItems.length > MAX_ITEMS_PER_FILE) {
      return reject(root.line, `the NewsML document carries ${newsItems.length} NewsItems, more than the ${MAX_ITEMS_PER_FILE} a file may hold`);
    }
    const envelope = child(root, 'NewsEnvelope', CI);
    const items: ItemParse[] = newsItems.map((item) => readNewsItem12(item, envelope, options, xml.lines));
    return fileResult('newsml-1.2', items, warnings, { line: 1, message: 'no NewsItem' });
  });
}
