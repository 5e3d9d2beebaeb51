// NITF 3.x (News Industry Text Format, IPTC): one story per file, `nitf` → `head` (docdata, tobject,
// meta, pubdata) and `body` (body.head, body.content, body.end). Pure: bytes and options in, one item or
// diagnostics out; never throws. The body reader is shared with NewsML-G2 and NewsML 1.2, which carry
// NITF inside them (`readNitfBody`, `readNitfStoryHead`).
//
// Mapping decisions (where NITF leaves a choice):
// - Identity: `docdata/doc-id id-string` → `id:<doc-id>`. A document that names another in
//   `management-doc-idref` (an update or cancellation of it) takes that document's key, so the kill in the
//   IPTC fishing sample (`…b` cancelling `…a`) withdraws the story it cancels. When the doc-id is the
//   du-key plus a transmission number (NTB: `<key>_47`), the du-key is the story's key. A document with no
//   id-string (AP's NITF) is keyed `nitf:<regsrc>:<date.issue>:<headline>`.
// - Version: `du-key version` when it is a whole number (NTB `48`, IPTC fishing `1`); `generation` is not used.
// - Status: `docdata management-status`: usable (also when absent), canceled, withheld; `embargoed` is
//   usable with an embargo (`date.release`), or withheld when no release time is given. Other values: rejected.
// - Times: `published` is `date.issue` (else `pubdata date.publication`, else `dateline/story.date norm`);
//   NITF has no first-created time, so `modified` is never set. `embargoedUntil` is `date.release` when it
//   is later than the issue time. `date.expire` is not in the item model and is not read.
// - Headline: `body.head/hedline/hl1` (AP's `headline/hl1` too), else `head/title`; Reuters-style marks
//   (`CORRECTED-`, `UPDATE 2-`) are taken off and `CORRECTED-` makes the item a correction. Subheadline:
//   `hedline/hl2` when it differs from the headline (EFE puts its keyword there; taken as written).
// - Byline: `body.head/byline` without `byttl` (the writer's title), several joined with ` | `; a first
//   paragraph that is only a byline (`By …`) wins and leaves the body; editors' initials (`gr/bp`) are no
//   byline. `distributor` is not a byline.
// - Dateline: the place of the dateline printed at the start of the text (what readers see), else
//   `body.head/dateline/location` (or the dateline's text), else `docdata/evloc city` (where the events
//   took place); the printed dateline (`NEW YORK (AP) —`) is taken off the first paragraph.
// - Subjects: `tobject.subject refnum` → `subj:<refnum>` (other `ipr` registries: `<ipr>:<refnum>`, EFE's
//   `efe:F01001000`) named by detail, matter or type; `tobject.type`/`tobject.property` as
//   `tobject.type:<type>`; `meta` `anpa-category` → `anpa:<c>`, `category`/`categoria`/`subject` →
//   `<name>:<content>`. Keywords (`key-list`) are not subjects.
// - Body: `body.content` and `body.end` (`tagline`) through the sanitizer; `hl1`/`hl2` are subheads, `bq`
//   quotes (`credit` the attribution), tables row by row, `pre` split at blank lines. A `media` image with a
//   readable `media-reference` is a picture (media.ts): a `picture` block where it stands, or the lead
//   when it is in `body.head` or comes before the first paragraph (pictures.ts); a `media` without one
//   stays a caption (`media-caption`, credit `media-producer`). Dropped: every `note` (even publishable ones), `ed-msg`,
//   `body.head/abstract` (a summary), embed codes sent as text (with the subhead introducing them), a
//   subhead repeating the headline, editors' initials or an end mark closing the story (`hh/ph/ts/hd`,
//   PA's `ends`).
// - A usable item needs a headline and a paragraph; a kill or withdrawal needs neither.
// - Options: `maxLineLength` is not applied (XML is not line-oriented: minified feeds put a whole file on
//   one line; the reader bounds nesting and stops at the first fatal problem instead); `fileTime` is not
//   needed (every time in the format carries its year). `docdata/urgency ed-urg` is the item's urgency.
import type { BodyBlock, Diagnostic, FileParse, FormatOptions, ItemParse, WireItem } from '../item.ts';
import { bylineParts, combineBylines, stripHeadlineMarks, takePrintedParts } from '../shared/story-text.ts';
import {
  cleanField,
  fieldOf,
  fileResult,
  guarded,
  isValidZone,
  lineClamp,
  readItemTime,
  readTime,
  uniqueKeywords,
  uniqueSubjects,
} from '../shared/wire-item.ts';
import type { WirePicture } from '../picture.ts';
import { urgencyValue } from '../urgency.ts';
import { attr, child, descendants, parseXml, sniffRootElement, transformTree, type XmlElement } from '../shared/xml.ts';
import { readNitfStory } from './body.ts';
import { readNitfMedia } from './media.ts';
import { arrangePictures } from './pictures.ts';
import { nitfIdentity, nitfKeywords, nitfMetaSubjects, nitfStatus, nitfSubjects, nitfTimes } from './docdata.ts';
import { readNitfStoryHead } from './story-head.ts';

export { readNitfBody, prepareNitfBody, nitfStoryParts, isNitf } from './body.ts';
export { readNitfStoryHead, nitfBylineText, nitfDatelinePlace, type NitfStoryHead } from './story-head.ts';

/** Content sniffing: the root element is `nitf` (any prefix, any case). */
export function looksLikeNitf(bytes: Uint8Array): boolean {
  return sniffRootElement(bytes)?.name.toLowerCase() === 'nitf';
}

export function parseNitf(bytes: Uint8Array, options: FormatOptions): FileParse {
  return guarded('nitf', () => {
    const xml = parseXml(bytes);
    const at = lineClamp(xml.lines);
    const warnings = xml.warnings.map((w) => ({ ...w, line: at(w.line) }));
    if (!xml.ok) return { format: 'nitf', items: [], errors: [xml.error], warnings };
    if (!isValidZone(options.timeZone)) {
      return {
        format: 'nitf',
        items: [],
        errors: [{ line: 1, message: `unknown time zone ${JSON.stringify(String(options.timeZone))} (expected an IANA zone such as Asia/Karachi)` }],
        warnings,
      };
    }
    const root = xml.root;
    if (root.name.toLowerCase() !== 'nitf') {
      return {
        format: 'nitf',
        items: [],
        errors: [{ line: at(root.line), message: `not NITF: the root element is <${root.qname}>, expected <nitf>` }],
        warnings,
      };
    }
    const item = readNitfItem(root, options, xml.lines);
    return fileResult('nitf', [item], warnings, { line: 1, message: 'no item' });
  });
}

function readNitfItem(root: XmlElement, options: FormatOptions, lines: number): ItemParse {
  const at = lineClamp(lines);
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const head = child(root, 'head');
  const body = child(root, 'body');
  const bodyHead = child(body, 'body.head');
  const docdata = child(head, 'docdata');

  const status = nitfStatus(docdata);
  if ('error' in status) errors.push({ line: at(docdata?.line ?? root.line), message: status.error });
  const story = readNitfStoryHead(root);
  const marked = stripHeadlineMarks(story.headline?.text ?? '');
  const headline = marked.headline;

  const times = nitfTimes(head, bodyHead);
  let published: string | undefined;
  let issueMs: number | undefined;
  if (!times.issue) {
    errors.push({ line: at(docdata?.line ?? head?.line ?? root.line), message: 'no time: expected docdata/date.issue norm="…" (or pubdata date.publication)' });
  } else {
    const t = readItemTime(times.issue.value, times.issue.what, at(times.issue.line), { at, timeZone: options.timeZone, errors, warnings });
    if (t) {
      published = t.iso;
      issueMs = t.ms;
    }
  }
  let embargoedUntil: string | undefined;
  let itemStatus: WireItem['status'] = 'status' in status ? status.status : 'usable';
  if (times.release) {
    const t = readTime(times.release.value, 'docdata/date.release norm', at(times.release.line), options.timeZone);
    if (!t.ok) warnings.push({ ...t.diagnostic, message: `${t.diagnostic.message}; no embargo read` });
    else if (issueMs !== undefined && t.ms > issueMs) embargoedUntil = t.iso;
  }
  if ('status' in status && status.embargoed && !embargoedUntil) {
    itemStatus = 'withheld';
    warnings.push({ line: at(docdata!.line), message: 'management-status is "embargoed" without a later date.release: held back (withheld)' });
  }

  const distributor = fieldOf(child(bodyHead, 'distributor'));
  const regsrc = cleanField(attr(child(docdata, 'doc-id'), 'regsrc'));
  const agencies = [distributor, regsrc, cleanField(attr(child(docdata, 'doc.copyright'), 'holder'))].filter(Boolean);
  const lastLine = lines;
  const read = body ? readNitfStory(body, { lastLine, at }, warnings) : { blocks: [] as BodyBlock[], pictures: [] };
  const blocks = read.blocks;
  const correction = itemStatus === 'usable' && marked.corrected;
  const printed = takePrintedParts(blocks, { headline, agencies, correction });
  for (const line of printed.droppedMarkup) warnings.push({ line: at(line), message: 'a paragraph of markup sent as text (an embed code) was left out' });

  const identity = nitfIdentity(
    docdata,
    () => `nitf:${regsrc || distributor || '-'}:${issueMs === undefined ? '' : new Date(issueMs).toISOString()}:${headline.toLowerCase()}`,
  );
  const usable = itemStatus === 'usable';
  if (usable && headline === '') errors.push({ line: at(bodyHead?.line ?? root.line), message: 'no headline: expected body.head/hedline/hl1 or head/title' });
  if (usable && !printed.body.some((b) => b.kind === 'paragraph')) {
    errors.push({ line: at(child(body, 'body.content')?.line ?? body?.line ?? root.line), message: 'no story text: body.content has no paragraph' });
  }
  if (errors.length || published === undefined) return { ok: false, line: at(root.line), errors, warnings };
  // Editors' notes in body.head never reach a page, their media neither.
  const headPictures = descendants(bodyHead && transformTree(bodyHead, (e) => (e.name === 'note' ? null : e)), 'media')
    .map((m) => readNitfMedia(m, at, warnings))
    .filter((p): p is WirePicture => p !== undefined);
  const arranged = arrangePictures(printed.body, headPictures, read.pictures);

  const bylineText = combineBylines(printed.byline, story.byline);
  const place = printed.dateline?.place ?? story.dateline ?? (cleanField(attr(child(docdata, 'evloc'), 'city')) || undefined);
  const language = cleanField(attr(root, 'baselang') ?? attr(root, 'lang'));
  const keywords = uniqueKeywords(nitfKeywords(head));
  // `docdata/urgency ed-urg`: 1 (most urgent) … 9, IPTC's scale (../urgency.ts)
  const urgency = urgencyValue(attr(child(docdata, 'urgency'), 'ed-urg'));
  const item: WireItem = {
    format: 'nitf',
    line: at(root.line),
    identity,
    status: itemStatus,
    ...(correction ? { correction: printed.correctionNote ? { note: printed.correctionNote } : {} } : {}),
    ...(embargoedUntil ? { embargoedUntil } : {}),
    published,
    headline,
    headlineLine: at(story.headline?.line ?? root.line),
    ...(story.subheadline ? { subheadline: story.subheadline } : {}),
    bylineText,
    byline: bylineParts(bylineText),
    ...(place ? { dateline: place } : {}),
    ...(printed.dateline ? { datelineText: printed.dateline.text } : {}),
    ...(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(language) ? { language } : {}),
    ...(urgency !== undefined ? { urgency } : {}),
    subjects: uniqueSubjects([...nitfSubjects(head), ...nitfMetaSubjects(head)]),
    ...(keywords.length ? { keywords } : {}),
    body: arranged.body,
    quotes: [],
    ...(arranged.pictures ? { pictures: arranged.pictures } : {}),
  };
  return { ok: true, item, warnings };
}
