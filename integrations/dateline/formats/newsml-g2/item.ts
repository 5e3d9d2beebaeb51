// One NewsML-G2 `newsItem` → one item of the model (see index.ts for the mapping decisions).
import type { Diagnostic, FormatOptions, ItemParse, WireItem } from '../item.ts';
import { MAX_PICTURES, type WirePicture } from '../picture.ts';
import { datelinePlace, bylineParts, combineBylines, stripHeadlineMarks, takePrintedParts } from '../shared/story-text.ts';
import { cleanField, fieldOf, lineClamp, readChildTime, readTime, uniqueKeywords, uniqueSubjects, type TimeNotes } from '../shared/wire-item.ts';
import { attr, child, children, type XmlElement } from '../shared/xml.ts';
import { readContentSet } from './content.ts';
import { conceptName, headlines, isCorrectionSignal, isDeleteSignal, metadataByline, pubStatus, signals, subjectCodes } from './meta.ts';
import { ownPicture, readPictureItem } from './picture.ts';
import { urgencyValue } from '../urgency.ts';

const CI = { ci: true } as const;
const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** `pictureItems`: the picture newsItems attached to this one (package.ts), in order. */
export function readNewsItem(item: XmlElement, options: FormatOptions, lines: number, pictureItems: XmlElement[] = []): ItemParse {
  const at = lineClamp(lines);
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const itemLine = at(item.line);
  const itemMeta = child(item, 'itemMeta', CI);
  const contentMeta = child(item, 'contentMeta', CI);

  const guid = cleanField(attr(item, 'guid'));
  if (!guid) errors.push({ line: itemLine, message: 'newsItem has no guid attribute: the story cannot be identified' });
  const versionText = (attr(item, 'version') ?? '').trim();
  const version = /^\d{1,15}$/.test(versionText) ? Number(versionText) : undefined;
  if (versionText !== '' && version === undefined)
    warnings.push({ line: itemLine, message: `version ${JSON.stringify(versionText.slice(0, 20))} is not a whole number: ignored` });

  const notes: TimeNotes = { at, timeZone: options.timeZone, errors, warnings };
  const { status, sigs } = readStatus(item, itemMeta, notes);
  const times = readTimes(item, itemMeta, notes);

  const language = [cleanField(attr(child(contentMeta, 'language', CI), 'tag')), cleanField(attr(item, 'lang'))].find((l) => BCP47.test(l));
  const content = readContentSet(child(item, 'contentSet', CI), item.line, lines);
  const nitf = content.nitfHead;

  const heads = headlines(contentMeta);
  const title = child(itemMeta, 'title', CI);
  const raw = heads.main ?? nitf?.headline ?? (title && fieldOf(title) ? { text: fieldOf(title), line: title.line } : undefined);
  const marked = stripHeadlineMarks(raw?.text ?? '');
  // A kill keeps the headline of the version it kills (Reuters': `CORRECTED-…`): it corrects nothing.
  const correction = status === 'usable' && (sigs.some(isCorrectionSignal) || marked.corrected);

  const credit = fieldOf(child(contentMeta, 'creditline', CI));
  const provider = child(itemMeta, 'provider', CI);
  const agencies = [
    credit,
    provider ? conceptName(provider, language) : '',
    ...children(contentMeta, 'creator', CI).map((c) => conceptName(c, language)),
  ].filter(Boolean);
  const printed = takePrintedParts(content.blocks, { headline: marked.headline, agencies, correction, findDateline: content.datelineText === undefined });
  for (const line of printed.droppedMarkup) warnings.push({ line: at(line), message: 'a paragraph of markup sent as text (an embed code) was left out' });

  const usable = status === 'usable';
  if (usable && marked.headline === '') {
    errors.push({ line: at(contentMeta?.line ?? item.line), message: 'no headline: expected contentMeta/headline (or a headline in the inline NITF)' });
  }
  if (usable && !printed.body.some((b) => b.kind === 'paragraph')) {
    errors.push({ line: at(content.line), message: `no story text: ${whyNoText(content.kind, printed.byline)}` });
  }
  const published = times.published;
  if (errors.length || !published) return { ok: false, line: itemLine, errors, warnings };

  const datelineEl = child(contentMeta, 'dateline', CI);
  const datelineField = fieldOf(datelineEl);
  const located = child(contentMeta, 'located', CI);
  const place =
    printed.dateline?.place ??
    (datelineField ? datelinePlace(datelineField) : undefined) ??
    (located ? conceptName(located, language) || undefined : undefined) ??
    nitf?.dateline;
  const datelineText = content.datelineText ?? printed.dateline?.text ?? (datelineField && datelinePlace(datelineField) ? datelineField : undefined);
  const bylineText = combineBylines(printed.byline, metadataByline(contentMeta, language, nitf?.byline));
  const modified = times.versionCreated && times.versionCreated.ms > published.ms ? times.versionCreated.iso : undefined;
  const subheadline = heads.sub ?? nitf?.subheadline;
  const own = ownPicture(child(item, 'contentSet', CI), at, warnings);
  if (pictureItems.length > MAX_PICTURES)
    warnings.push({ line: at(pictureItems[MAX_PICTURES]!.line), message: `${pictureItems.length} pictures: only the first ${MAX_PICTURES} are read` });
  const pictures: WirePicture[] = [...(own ? [own] : []), ...pictureItems.slice(0, MAX_PICTURES).map((p) => readPictureItem(p, options, at, warnings))];
  const keywords = uniqueKeywords(children(contentMeta, 'keyword', CI).map((k) => fieldOf(k)));
  const urgency = urgencyValue(fieldOf(child(contentMeta, 'urgency', CI)));

  const result: WireItem = {
    format: 'newsml-g2',
    line: itemLine,
    identity: version === undefined ? { key: `id:${guid}` } : { key: `id:${guid}`, version },
    status,
    ...(correction ? { correction: printed.correctionNote ? { note: printed.correctionNote } : {} } : {}),
    ...(times.embargoedUntil ? { embargoedUntil: times.embargoedUntil } : {}),
    published: published.iso,
    ...(modified ? { modified } : {}),
    headline: marked.headline,
    headlineLine: at(raw?.line ?? item.line),
    ...(subheadline && subheadline !== marked.headline ? { subheadline } : {}),
    bylineText,
    byline: bylineParts(bylineText),
    ...(place ? { dateline: place } : {}),
    ...(datelineText ? { datelineText: datelineText.replace(/\s*$/, '') } : {}),
    ...(language ? { language } : {}),
    ...(urgency !== undefined ? { urgency } : {}),
    subjects: uniqueSubjects(subjectCodes(itemMeta, contentMeta, language)),
    ...(keywords.length ? { keywords } : {}),
    body: printed.body,
    quotes: [],
    ...(pictures.length ? { pictures: pictures.map((p, i) => ({ ...p, role: i === 0 ? ('lead' as const) : ('inline' as const) })) } : {}),
  };
  return { ok: true, item: result, warnings };
}

/** The status: pubStatus, a usable item with a delete signal (`edStat:D`) read as a kill; and the signals. */
function readStatus(item: XmlElement, itemMeta: XmlElement | undefined, report: TimeNotes): { status: WireItem['status']; sigs: string[] } {
  const statusRead = pubStatus(itemMeta);
  const sigs = signals(itemMeta);
  let status: WireItem['status'] = 'usable';
  if ('error' in statusRead) report.errors.push({ line: report.at(child(itemMeta, 'pubStatus', CI)?.line ?? item.line), message: statusRead.error });
  else status = statusRead.status;
  if (status === 'usable' && sigs.some(isDeleteSignal)) {
    status = 'canceled';
    report.warnings.push({ line: report.at(itemMeta!.line), message: 'signal edStat:D (deleted) with a usable pubStatus: read as a kill' });
  }
  return { status, sigs };
}

type Time = NonNullable<ReturnType<typeof readChildTime>>;

/** Times (itemMeta, NewsML-G2 §7.3): firstCreated is the story's, versionCreated this version's; and the embargo. */
function readTimes(item: XmlElement, itemMeta: XmlElement | undefined, notes: TimeNotes): { published?: Time; versionCreated?: Time; embargoedUntil?: string } {
  const { at } = notes;
  const versionCreated = readChildTime(itemMeta, 'itemMeta', 'versionCreated', notes);
  const firstCreated = readChildTime(itemMeta, 'itemMeta', 'firstCreated', notes);
  if (!child(itemMeta, 'versionCreated', CI) && !child(itemMeta, 'firstCreated', CI)) {
    notes.errors.push({ line: at(itemMeta?.line ?? item.line), message: 'no time: expected itemMeta/versionCreated (and firstCreated)' });
  }
  const published = firstCreated ?? versionCreated;
  // AP's versionCreated trails its firstCreated by a second or two (clock noise); STT's by two months.
  if (firstCreated && versionCreated && versionCreated.ms < firstCreated.ms - 60_000) {
    notes.warnings.push({
      line: at(child(itemMeta, 'versionCreated', CI)!.line),
      message: 'itemMeta/versionCreated is earlier than firstCreated: no modified time',
    });
  }
  let embargoedUntil: string | undefined;
  const embargoEl = child(itemMeta, 'embargoed', CI);
  if (embargoEl && fieldOf(embargoEl) !== '') {
    const t = readTime(fieldOf(embargoEl), 'itemMeta/embargoed', at(embargoEl.line), notes.timeZone);
    if (t.ok) embargoedUntil = t.iso;
    else notes.errors.push({ ...t.diagnostic, message: `${t.diagnostic.message}: an embargo that cannot be read is not published` });
  }
  return { ...(published ? { published } : {}), ...(versionCreated ? { versionCreated } : {}), ...(embargoedUntil ? { embargoedUntil } : {}) };
}

/** Why a usable item has no paragraph, for its error. */
function whyNoText(kind: string, byline: string | undefined): string {
  if (kind === 'remote') return 'the text is not inline (contentSet/remoteContent): only inlineXML and inlineData are read';
  if (kind === 'none') return 'expected contentSet/inlineXML or inlineData with the story text';
  if (byline) return `the body holds only the byline ${JSON.stringify(byline)}`;
  return `the ${kind === 'text' ? 'inlineData' : 'inlineXML'} has no paragraph`;
}
