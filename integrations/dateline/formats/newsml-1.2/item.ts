// One NewsML 1.2 `NewsItem` → one item of the model (see index.ts for the mapping decisions).
import type { Diagnostic, FormatOptions, ItemParse, SubjectCode, WireItem } from '../item.ts';
import { isAgency } from '../shared/byline.ts';
import { bylineParts, combineBylines, datelinePlace, stripHeadlineMarks, takePrintedParts } from '../shared/story-text.ts';
import { cleanField, fieldOf, lineClamp, markupFieldOf, readChildTime, readTime, uniqueSubjects, type TimeNotes } from '../shared/wire-item.ts';
import { attr, child, children, elementsOf, path, type XmlElement } from '../shared/xml.ts';
import { textWithout } from '../nitf/body.ts';
import { CI, findTextComponent, nearest, readDataContent } from './component.ts';
import { readPhotos } from './photo.ts';
import { urgencyValue } from '../urgency.ts';

const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const formal = (el: XmlElement | undefined) => cleanField(attr(el, 'FormalName'));

/**
 * The story's key: the NewsIdentifier without its revision (NewsML 1.2 §7: the PublicIdentifier is
 * `urn:newsml:<ProviderId>:<DateId>:<NewsItemId>:<RevisionId><Update>`), so that every revision of a
 * story has the same key and RevisionId orders them.
 */
function identity(identifier: XmlElement | undefined): { key?: string; version?: number; revisionLine?: number } {
  const part = (name: string) => fieldOf(child(identifier, name, CI));
  const revision = child(identifier, 'RevisionId', CI);
  const revisionText = fieldOf(revision);
  const version = /^\d{1,15}$/.test(revisionText) ? Number(revisionText) : undefined;
  const [provider, date, id] = [part('ProviderId'), part('DateId'), part('NewsItemId')];
  let key: string | undefined;
  if (provider && date && id) key = `id:urn:newsml:${provider}:${date}:${id}`;
  else {
    const pub = part('PublicIdentifier');
    if (pub) key = `id:${pub.replace(/:\d+[A-Z]?$/, '')}`;
  }
  return { ...(key ? { key } : {}), ...(version !== undefined ? { version } : {}), ...(revision ? { revisionLine: revision.line } : {}) };
}

const STATUS: Record<string, WireItem['status'] | 'embargoed'> = {
  usable: 'usable',
  canceled: 'canceled',
  cancelled: 'canceled',
  withheld: 'withheld',
  embargoed: 'embargoed',
};

function subjects(chain: XmlElement[], envelope: XmlElement | undefined): SubjectCode[] {
  const out: SubjectCode[] = [];
  for (const service of children(envelope, 'NewsService', CI)) {
    const code = formal(service);
    if (code) out.push({ code: `service:${code}` });
  }
  for (const component of chain) {
    const meta = child(component, 'DescriptiveMetadata', CI);
    for (const e of meta ? elementsOf(meta) : []) {
      const name = e.name.toLowerCase();
      if (name === 'subjectcode') {
        for (const s of elementsOf(e)) {
          const code = formal(s);
          if (code) out.push({ code: `subj:${code}` });
          // AFP's own category of the subject (`cat="ECO"`).
          const cat = cleanField(attr(s, 'cat'));
          if (cat) out.push({ code: `cat:${cat}` });
        }
      } else if (name === 'genre') {
        const g = formal(e);
        if (g) out.push({ code: `genre:${g}`, name: g });
      }
    }
  }
  return out;
}

export function readNewsItem12(item: XmlElement, envelope: XmlElement | undefined, options: FormatOptions, lines: number): ItemParse {
  const at = lineClamp(lines);
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const itemLine = at(item.line);
  const id = identity(path(item, 'Identification', 'NewsIdentifier') ?? child(child(item, 'Identification', CI), 'NewsIdentifier', CI));
  if (!id.key)
    errors.push({ line: itemLine, message: 'no identity: expected Identification/NewsIdentifier (ProviderId, DateId, NewsItemId) or a PublicIdentifier' });
  const update = child(item, 'Update', CI);
  if (update) errors.push({ line: at(update.line), message: 'an Update (a change to parts of an earlier revision) is not read: send the whole NewsItem' });

  const management = child(item, 'NewsManagement', CI);
  const notes: TimeNotes = { at, timeZone: options.timeZone, errors, warnings };
  const { status, embargoedUntil } = readStatus(item, management, notes);
  const first = readChildTime(management, 'NewsManagement', 'FirstCreated', notes);
  const revision = readChildTime(management, 'NewsManagement', 'ThisRevisionCreated', notes);
  if (!child(management, 'FirstCreated', CI) && !child(management, 'ThisRevisionCreated', CI)) {
    errors.push({ line: at(management?.line ?? item.line), message: 'no time: expected NewsManagement/FirstCreated (or ThisRevisionCreated)' });
  }
  const published = first ?? revision;

  const top = child(item, 'NewsComponent', CI);
  const text = findTextComponent(top);
  const chain = text?.chain ?? (top ? [top] : []);
  const newsLines = nearest(chain, 'NewsLines');
  const line = (name: string) => child(newsLines, name, CI);
  const story = text ? readDataContent(child(text.contentItem, 'DataContent', CI)!, lines) : { blocks: [] };
  const languageEl = nearest(
    chain.map((c) => child(c, 'DescriptiveMetadata', CI)).filter((c): c is XmlElement => c !== undefined),
    'Language',
  );
  const language = [formal(languageEl), cleanField(attr(item, 'lang'))].find((l) => BCP47.test(l));
  const urgency = urgencyValue(formal(child(management, 'Urgency', CI)));

  const headlineEl = line('HeadLine');
  const raw = markupFieldOf(headlineEl) ? { text: markupFieldOf(headlineEl), line: headlineEl!.line } : story.nitfHead?.headline;
  const marked = stripHeadlineMarks(raw?.text ?? '');
  const correction = status === 'usable' && marked.corrected;
  const credit = fieldOf(line('CreditLine'));
  const provider = formal(path(nearest(chain, 'AdministrativeMetadata'), 'Provider', 'Party'));
  const datelineField = fieldOf(line('DateLine'));
  const printed = takePrintedParts(story.blocks, {
    headline: marked.headline,
    agencies: [credit, provider].filter(Boolean),
    correction,
    findDateline: story.datelineText === undefined,
  });

  const usable = status === 'usable';
  if (usable && marked.headline === '') errors.push({ line: at(newsLines?.line ?? item.line), message: 'no headline: expected NewsLines/HeadLine' });
  if (usable && !printed.body.some((b) => b.kind === 'paragraph')) {
    errors.push({
      line: at(text?.contentItem.line ?? top?.line ?? item.line),
      message: text
        ? 'no story text: the text ContentItem has no paragraph'
        : 'no story text: expected a NewsComponent with a text ContentItem (MediaType Text) holding DataContent',
    });
  }
  if (errors.length || !published || !id.key) return { ok: false, line: itemLine, errors, warnings };

  const byLine = line('ByLine');
  const structuredByline =
    (byLine ? cleanField(textWithout(byLine, new Set(['ByLineTitle']))) : '') ||
    story.nitfHead?.byline ||
    (isAgency(credit) ? credit : '') ||
    (isAgency(provider) ? provider : '');
  const bylineText = combineBylines(printed.byline, structuredByline);
  const location = children(nearest(chain, 'DescriptiveMetadata'), 'Location', CI)[0];
  const city = children(location, 'Property', CI).find((p) => (attr(p, 'FormalName') ?? '').toLowerCase() === 'city');
  const place =
    printed.dateline?.place ??
    (datelineField ? datelinePlace(datelineField) : undefined) ??
    story.nitfHead?.dateline ??
    (cleanField(attr(city, 'Value')) || undefined);
  const datelineText = story.datelineText ?? printed.dateline?.text ?? (datelineField || undefined);
  const modified = revision && revision.ms > published.ms ? revision.iso : undefined;
  const subheadline = markupFieldOf(line('SubHeadLine')) || story.nitfHead?.subheadline;
  const pictures = readPhotos(top, at, lines, warnings);

  const result: WireItem = {
    format: 'newsml-1.2',
    line: itemLine,
    identity: id.version === undefined ? { key: id.key } : { key: id.key, version: id.version },
    status,
    ...(correction ? { correction: printed.correctionNote ? { note: printed.correctionNote } : {} } : {}),
    ...(embargoedUntil ? { embargoedUntil } : {}),
    published: published.iso,
    ...(modified ? { modified } : {}),
    headline: marked.headline,
    headlineLine: at(raw?.line ?? item.line),
    ...(subheadline && subheadline !== marked.headline ? { subheadline } : {}),
    bylineText,
    byline: bylineParts(bylineText),
    ...(place ? { dateline: place } : {}),
    ...(datelineText ? { datelineText } : {}),
    ...(language ? { language } : {}),
    ...(urgency !== undefined ? { urgency } : {}),
    subjects: uniqueSubjects(subjects(chain, envelope)),
    body: printed.body,
    quotes: [],
    ...(pictures ? { pictures } : {}),
  };
  return { ok: true, item: result, warnings };
}

/** NewsManagement/Status: an embargoed item says when it becomes usable (StatusWillChange, §9.2), else it is held back. */
function readStatus(item: XmlElement, management: XmlElement | undefined, report: TimeNotes): { status: WireItem['status']; embargoedUntil?: string } {
  const { at } = report;
  const statusEl = child(management, 'Status', CI);
  const statusName = formal(statusEl).toLowerCase() || 'usable';
  const mapped = STATUS[statusName];
  if (!mapped) {
    report.errors.push({
      line: at(statusEl?.line ?? item.line),
      message: `NewsManagement/Status: expected Usable, Canceled, Withheld or Embargoed, found ${JSON.stringify(formal(statusEl).slice(0, 40))}`,
    });
    return { status: 'usable' };
  }
  if (mapped !== 'embargoed') return { status: mapped };
  const change = child(management, 'StatusWillChange', CI);
  const when = child(change, 'DateAndTime', CI);
  const t = when ? readTime(fieldOf(when), 'NewsManagement/StatusWillChange/DateAndTime', at(when.line), report.timeZone) : undefined;
  if (t?.ok && (formal(child(change, 'FutureStatus', CI)).toLowerCase() || 'usable') === 'usable') return { status: 'usable', embargoedUntil: t.iso };
  report.warnings.push({ line: at(statusEl!.line), message: 'Status "Embargoed" without a readable StatusWillChange to Usable: held back (withheld)' });
  return { status: 'withheld' };
}
