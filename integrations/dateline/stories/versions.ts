// Story versions: which items are one story, in what order its versions came, and which one readers
// see. Decided over the whole content folder at once, because versions, kills and duplicates are
// relations between files. Pure: the same items and "now" give the same answer.
//
// Rules (README "Story versions"):
// - Items with the same identity key are one story. Versions are ordered by their version number when
//   both have one and they differ, else by the version's time, then by file and item position.
// - An item with the same version, time and text as an earlier one is a `duplicate` of it.
// - If the latest version is a kill or withdrawal, the story is withdrawn: every version is reported
//   `withdrawn` and the story appears nowhere.
// - Otherwise the latest usable version that is due (its embargo and publication time passed) is
//   published; earlier versions are `superseded` by it, later ones (still embargoed) `scheduled`.
// - The story's publication time is its earliest version's; its modification time, the published
//   version's own time when later.

export interface VersionInput {
  /** Path of the wire file relative to the content folder. */
  file: string;
  /** Position of the item in its file (0 for a file of one item). */
  index: number;
  /** 1-based line of the item in its file. */
  line: number;
  key: string;
  version?: number;
  /** Publication time this item states (firstCreated, or its own time), epoch ms. */
  published: number;
  /** This version's own time (versionCreated, an Updated stamp), epoch ms; `published` when it has none. */
  versionTime: number;
  status: 'usable' | 'canceled' | 'withheld';
  /** Epoch ms before which the item may not be shown. */
  embargoedUntil?: number;
  /** Equal for two items of the same text (headline, byline, body). */
  contentKey: string;
}

export type VersionDecision =
  | { status: 'published' }
  | { status: 'scheduled'; dueAt: number }
  | { status: 'superseded'; by: VersionInput }
  | { status: 'withdrawn'; by: VersionInput }
  | { status: 'duplicate'; of: VersionInput };

export interface Story<V extends VersionInput = VersionInput> {
  key: string;
  /** Versions oldest first, duplicates left out. */
  versions: V[];
  /** The version that gives the story its URL: the first. */
  first: V;
  /** The version readers see, when the story is published. */
  shown?: V;
  status: 'published' | 'scheduled' | 'withdrawn';
  /** Epoch ms: the earliest version's publication time. */
  published: number;
  /** Epoch ms: the shown version's own time, when later than `published`. */
  modified?: number;
}

const byPosition = (a: VersionInput, b: VersionInput) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index);

/** Version order: number when both have one and they differ, then the version's time, then position. */
export function compareVersions(a: VersionInput, b: VersionInput): number {
  if (a.version !== undefined && b.version !== undefined && a.version !== b.version) return a.version - b.version;
  return a.versionTime - b.versionTime || byPosition(a, b);
}

/** When an item may first be shown: after its publication time and its embargo. */
export const dueAt = (v: VersionInput) => Math.max(v.published, v.embargoedUntil ?? -Infinity);

export function decideStories<V extends VersionInput>(items: readonly V[], now: number): { stories: Story<V>[]; decisions: Map<V, VersionDecision> } {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    let group = groups.get(item.key);
    if (!group) groups.set(item.key, (group = []));
    group.push(item);
  }
  const stories: Story<V>[] = [];
  const decisions = new Map<V, VersionDecision>();
  for (const [key, group] of groups) {
    const ordered = [...group].sort(compareVersions);
    const versions: V[] = [];
    for (const item of ordered) {
      const same = versions.find((v) => v.version === item.version && v.versionTime === item.versionTime && v.contentKey === item.contentKey);
      if (same) decisions.set(item, { status: 'duplicate', of: same });
      else versions.push(item);
    }
    const first = versions[0]!;
    const published = Math.min(...versions.map((v) => v.published));
    const latest = versions.at(-1)!;
    if (latest.status !== 'usable') {
      for (const v of versions) decisions.set(v, { status: 'withdrawn', by: latest });
      stories.push({ key, versions, first, status: 'withdrawn', published });
      continue;
    }
    let shownAt = -1;
    versions.forEach((v, i) => {
      if (v.status === 'usable' && dueAt(v) <= now) shownAt = i;
    });
    if (shownAt === -1) {
      for (const v of versions) decisions.set(v, { status: 'scheduled', dueAt: dueAt(v) });
      stories.push({ key, versions, first, status: 'scheduled', published });
      continue;
    }
    const shown = versions[shownAt]!;
    versions.forEach((v, i) => {
      if (i < shownAt) decisions.set(v, { status: 'superseded', by: shown });
      else if (i === shownAt) decisions.set(v, { status: 'published' });
      else decisions.set(v, { status: 'scheduled', dueAt: dueAt(v) });
    });
    const story: Story<V> = { key, versions, first, shown, status: 'published', published };
    if (shown.versionTime > published) story.modified = shown.versionTime;
    stories.push(story);
  }
  return { stories, decisions };
}
