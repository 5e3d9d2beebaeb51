// Which story each picture newsItem of a newsMessage belongs to. A `packageItem` groups a story with its
// pictures by reference (`itemRef residref` = the items' `guid`), in `groupSet/group`s or (IPTC's
// listing 24) directly: a picture goes to the text item of its own group, else to the package's first
// text item, in package order (so the package's first picture is the story's lead). Picture items no
// package places go to the message's only text item, when it has exactly one. Pictures placed nowhere
// are read as items of their own, as before (they carry no story text, so they are rejected).
// A text item's `link rel="irel:seeAlso"` / `associatedWith` to pictures are not followed.
import { attr, children, descendants, type XmlElement } from '../shared/xml.ts';

const CI = { ci: true } as const;

export type Attachments = Map<XmlElement, XmlElement[]>;

const refsOf = (el: XmlElement, deep: boolean) =>
  (deep ? descendants(el, 'itemRef', CI) : children(el, 'itemRef', CI)).map((r) => (attr(r, 'residref') ?? '').trim()).filter(Boolean);

/** The pictures of each text item; `texts` and `pictures` are the message's newsItems of each kind. */
export function attachPictures(texts: XmlElement[], pictures: XmlElement[], packages: XmlElement[]): Attachments {
  const byGuid = new Map<string, XmlElement>();
  for (const item of [...texts, ...pictures]) {
    const guid = (attr(item, 'guid') ?? '').trim();
    if (guid && !byGuid.has(guid)) byGuid.set(guid, item);
  }
  const isText = new Set(texts);
  const isPicture = new Set(pictures);
  const out: Attachments = new Map();
  const placed = new Set<XmlElement>();
  const attach = (text: XmlElement | undefined, picture: XmlElement) => {
    if (!text || placed.has(picture)) return;
    placed.add(picture);
    out.set(text, [...(out.get(text) ?? []), picture]);
  };
  for (const pkg of packages) {
    const firstText = refsOf(pkg, true)
      .map((g) => byGuid.get(g))
      .find((i) => i !== undefined && isText.has(i));
    const groups = descendants(pkg, 'group', CI);
    for (const group of groups.length ? groups : [pkg]) {
      const items = refsOf(group, groups.length === 0)
        .map((g) => byGuid.get(g))
        .filter((i): i is XmlElement => i !== undefined);
      const text = items.find((i) => isText.has(i)) ?? firstText;
      for (const item of items) if (isPicture.has(item)) attach(text, item);
    }
  }
  if (texts.length === 1) for (const picture of pictures) attach(texts[0], picture);
  return out;
}
