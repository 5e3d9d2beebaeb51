// Hostile wire files, written by the tests: markup and script in every field (injection), names that
// slugify to nothing, to reserved paths or to each other (names), and files the build must refuse
// (limits: size, long line, symlinks, binary, FIFO). Shared by the hostile test files.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outputRoot, repoRoot } from '../helpers/build.ts';
import { wire } from '../helpers/wire.ts';

/**
 * A test build's name, unique to this process: the working tree is shared, and another full test run
 * may build the same test at the same time. Outputs of processes that no longer run are removed; this
 * process's stay for inspection.
 */
export function runName(name: string): string {
  if (existsSync(outputRoot)) {
    for (const entry of readdirSync(outputRoot)) {
      const m = /^(?:hostile|repro)-[a-z-]+-(\d+)$/.exec(entry);
      if (!m || Number(m[1]) === process.pid) continue;
      let alive = true;
      try {
        process.kill(Number(m[1]), 0);
      } catch {
        alive = false;
      }
      if (!alive) rmSync(join(outputRoot, entry), { recursive: true, force: true });
    }
  }
  return `${name}-${process.pid}`;
}

/** The build's "now" (Asia/Karachi). */
export const NOW = '2024-03-02T12:00:00+05:00';

export { wire };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The short hash stories/placement.ts gives a colliding wire-text story: of its story key, which is
 * `text:` and a hash of its headline and `Published` instant (formats/text/item.ts).
 */
export const suffixOf = (headline: string, published: string, length = 6) =>
  sha256(`text:${sha256(`${headline}\u0000${published}`).slice(0, 24)}`).slice(0, length);
/** The two stories the suffix tests collide with. */
export const MATCH_B = ['Match drawn', '2024-03-01T14:00:00+05:00'] as const;
export const RAIN_B = ['Rain stops play', '2024-03-01T15:30:00+05:00'] as const;

// ---------------------------------------------------------------------------------------------------
// Injection: every field carries markup, script, CDATA ends, entities and javascript: URLs.

export const INJ = {
  /** Everything at once, in the headline. */
  headline: `</script><script>alert(1)</script> "><svg onload=alert(1)> <img src=x onerror=alert(1)> ]]> &lt;b&gt; &amp; 'q'`,
  section: `<script>alert("s")</script> & "><svg onload=alert(2)>`,
  /** A person byline with markup, then an agency. */
  bylinePerson: `<img src=x onerror=alert(3)>`,
  byline: `<img src=x onerror=alert(3)> | AFP`,
  /** A dateline qualifier with markup (the qualifier may not hold brackets). */
  dateline: 'GAZA (</script><svg onload=alert`4`>):',
  firstParagraphRest: `Officials said <script>alert("x")</script> was not a threat &amp; the ]]> marker &lt;b&gt;stayed&lt;/b&gt; "quoted" 'too'.`,
  paragraph2: `A paragraph with </script><img src=x onerror=alert(5)> and <a href="javascript:alert(6)">a link</a> inside.`,
  /** A related headline (short, unpunctuated, capitalised) that is also a headline on the site: linked. */
  related: `Markets <b>rally</b> as traders cheer &lt;i&gt; budget deal`,
  /** A related headline (via `Also read:`) that is exactly `javascript:alert(1)`, also a site headline. */
  relatedJs: 'javascript:alert(1)',
  /** A related headline not on the site: shown as text. */
  relatedUnlinked: `Court <iframe src="javascript:alert(7)"></iframe> Story Not On This Site`,
  captionText: `Protesters gather <img src=x onerror=alert(8)> outside the court`,
  captionCredit: 'Reuters/File',
  footer: `Published in Dawn <script>alert(9)</script>, March 1st &amp; <b>2nd</b>, 2024`,
  /** `&LT` without a semicolon is read as `<` by HTML parsers when not escaped. */
  symbol: 'A&LT',
  symbol2: 'B&AMP',
} as const;

export const INJ_FIRST_PARAGRAPH = `${INJ.dateline} ${INJ.firstParagraphRest}`;
export const INJ_CAPTION = `${INJ.captionText} — ${INJ.captionCredit}`;

export const injectionFiles: Record<string, string> = {
  'inject/everything.txt': wire({
    capture: `2024-03-02 ${INJ.symbol} 41.78 Decreased By ▼ -0.11 (-0.26%) ${INJ.symbol2} 7.50 Increased By ▲ 0.25 (3.45%)`,
    section: INJ.section,
    headline: INJ.headline,
    byline: INJ.byline,
    published: '01 Mar, 2024 09:00am',
    body: [
      INJ_FIRST_PARAGRAPH,
      INJ.related,
      INJ.paragraph2,
      `Also read: ${INJ.relatedJs}`,
      `Also read: ${INJ.relatedUnlinked}`,
      'A closing paragraph ends the story.',
      INJ_CAPTION,
      INJ.footer,
    ],
  }),
  // The stories the related headlines point at.
  'inject/related-target.txt': wire({ section: 'World', headline: INJ.related, byline: 'Reuters', published: '01 Mar, 2024 07:00am' }),
  'inject/javascript-headline.txt': wire({ section: 'World', headline: INJ.relatedJs, byline: 'APP', published: '01 Mar, 2024 06:00am' }),
  // Hostile text one field at a time, in an ordinary section.
  'inject/script-only.txt': wire({ section: 'World', headline: '<script>alert(1)</script>', byline: 'AFP', published: '01 Mar, 2024 05:00am' }),
  'inject/cdata.txt': wire({ section: 'Business', headline: 'Bonds ]]> <![CDATA[ fall ]]>', byline: 'Reuters', published: '01 Mar, 2024 04:00am' }),
  // Rejected: the message quotes the hostile line (as data in the report).
  'inject/rejected.txt': ' date 2024-03-02\nWorld\n\nA headline\n\n<script>alert("r")</script> 01 Mar, 2024 10:00am\n\nBody text.\n',
  'inject/entities.txt': wire({
    section: 'Business',
    headline: 'Rates &lt;b&gt;rise&lt;/b&gt; &amp; &#60;i&#62; &nbsp; more',
    published: '01 Mar, 2024 03:00am',
  }),
};

// ---------------------------------------------------------------------------------------------------
// Names: slugs that would be empty, `..`, reserved, or equal to each other.

/** Section names that must not take over one of the site's own top-level paths. */
export const RESERVED_SECTIONS = [
  'og',
  'rss.xml',
  'page',
  'agency',
  '404',
  '_astro',
  'pagefind',
  'search',
  '2024',
  'rss',
  'sitemap-index.xml',
  'robots.txt',
  'favicon.svg',
];

function namesFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const add = (file: string, o: Parameters<typeof wire>[0]) => (files[`names/${file}`] = wire(o));
  // Empty and dot slugs, in sections and headlines.
  add('empty-section.txt', { section: '!!!', headline: 'Section of punctuation only', published: '01 Mar, 2024 08:00am' });
  add('dots-section.txt', { section: '..', headline: 'Section named dot dot', published: '01 Mar, 2024 08:01am' });
  add('dots-slash-section.txt', { section: '../../..', headline: 'Section climbing out', published: '01 Mar, 2024 08:02am' });
  add('empty-headline.txt', { section: 'World', headline: '!!!', published: '01 Mar, 2024 08:03am' });
  add('dots-headline.txt', { section: 'World', headline: '..', published: '01 Mar, 2024 08:04am' });
  add('dot-headline.txt', { section: 'World', headline: '.', published: '01 Mar, 2024 08:05am' });
  add('path-headline.txt', { section: 'World', headline: '../../../etc/passwd', published: '01 Mar, 2024 08:06am' });
  add('urdu-headline.txt', { section: 'World', headline: 'قومی اسمبلی', published: '01 Mar, 2024 08:07am' });
  // Reserved top-level names as sections (and as headlines, which live under a section).
  RESERVED_SECTIONS.forEach((name, i) => {
    const minute = String(10 + i).padStart(2, '0');
    add(`reserved-${i}.txt`, { section: name, headline: `Story in the ${name} section`, published: `01 Mar, 2024 09:${minute}am` });
  });
  for (const [i, name] of ['og', 'page', 'rss.xml', 'index.html', '404'].entries()) {
    add(`reserved-headline-${i}.txt`, { section: 'Sports', headline: name, published: `01 Mar, 2024 10:0${i}am` });
  }
  // Sections whose names slugify the same: one section page lists them all.
  add('same-section-1.txt', { section: 'World News', headline: 'First story of the shared section', published: '01 Mar, 2024 11:00am' });
  add('same-section-2.txt', { section: 'world-news', headline: 'Second story of the shared section', published: '01 Mar, 2024 11:01am' });
  add('same-section-3.txt', { section: 'WORLD  NEWS!', headline: 'Third story of the shared section', published: '01 Mar, 2024 11:02am' });
  add('same-section-4.txt', { section: '2024-section', headline: 'Story in a section named like a suffixed year', published: '01 Mar, 2024 11:03am' });
  // Two headlines the same on the same day in the same section (different stories).
  add('same-headline-a.txt', { section: 'Sports', headline: 'Match drawn', published: '01 Mar, 2024 01:00pm', body: ['LAHORE: The first match was drawn.'] });
  add('same-headline-b.txt', { section: 'Sports', headline: 'Match drawn', published: '01 Mar, 2024 02:00pm', body: ['KARACHI: The second match was drawn.'] });
  // A headline whose slug is the suffixed slug of b: published earlier, it takes that URL first …
  add('suffix-earlier.txt', { section: 'Sports', headline: `Match drawn ${suffixOf(...MATCH_B)}`, published: '01 Mar, 2024 12:30pm' });
  // … and one published after b, whose plain slug b already holds.
  add('rain-a.txt', { section: 'Sports', headline: 'Rain stops play', published: '01 Mar, 2024 03:00pm', body: ['LAHORE: Rain stopped play.'] });
  add('rain-b.txt', { section: 'Sports', headline: 'Rain stops play', published: '01 Mar, 2024 03:30pm', body: ['KARACHI: Rain stopped play again.'] });
  add('suffix-later.txt', { section: 'Sports', headline: `Rain stops play ${suffixOf(...RAIN_B)}`, published: '01 Mar, 2024 04:00pm' });
  // Agencies and desks with hostile names (agency pages are /agency/{slug}/).
  add('agency-dots.txt', { section: 'World', headline: 'Desk named dot dot', byline: '.. Desk', published: '01 Mar, 2024 05:00pm' });
  add('agency-empty.txt', { section: 'World', headline: 'Desk named punctuation', byline: '!!! Desk', published: '01 Mar, 2024 05:01pm' });
  // Headlines that are huge, emoji only, bidi overrides, zalgo, zero-width characters.
  add('long-headline.txt', { section: 'World', headline: Array.from({ length: 600 }, (_, i) => `word${i}`).join(' '), published: '01 Mar, 2024 06:00pm' });
  add('emoji-headline.txt', { section: 'World', headline: '🔥🔥🔥 💥', published: '01 Mar, 2024 06:01pm' });
  add('bidi-headline.txt', { section: 'World', headline: 'Invoice \u202Efdp.exe\u202C and \u2066isolate\u2069 text', published: '01 Mar, 2024 06:02pm' });
  add('zalgo-headline.txt', {
    section: 'World',
    headline: 'Z\u0334\u0321\u0322a\u0337l\u0338g\u0335o\u0336 '.repeat(20).trim(),
    published: '01 Mar, 2024 06:03pm',
  });
  // An invisible section is no section (the default one); an invisible headline is rejected (INVISIBLE).
  add('zero-width-section.txt', { section: '\u200B\u200D\u2060', headline: 'Story in an invisible section', published: '01 Mar, 2024 06:04pm' });
  add('zero-width-headline.txt', { section: 'World', headline: '\u200B\u200C\u200D\u2060\u202E', published: '01 Mar, 2024 06:05pm' });
  // Hostile file names: markup, spaces, a newline, percent escapes, URL syntax, non-ASCII, upper case.
  const odd = [
    '<script>alert(1)</script>.txt',
    'with space.txt',
    'new\nline.txt',
    '%2e%2e%2fup.txt',
    '#hash?q=1&x.txt',
    'ünïcødé.txt',
    'SHOUT.TXT',
    '-leading-dash.txt',
    'quote\'"s.txt',
  ];
  odd.forEach((name, i) =>
    add(`odd-names/${name}`, { section: 'Odd', headline: `Story from an oddly named file number ${i + 1}`, published: `01 Mar, 2024 07:${String(10 + i)}pm` }),
  );
  return files;
}

export const nameFiles = namesFiles();

/** Name fixtures that are rejected, with the reason. */
export const REJECTED_NAMES: Record<string, RegExp> = { 'names/zero-width-headline.txt': /expected a headline, found only invisible characters/ };

// ---------------------------------------------------------------------------------------------------
// Limits: files the build refuses, each with a reason naming it; the rest is published.

/** The size limit the limit tests build with (env DATELINE_MAX_FILE_SIZE). */
export const MAX_FILE_SIZE = 150_000;

/** The site's logo PNG, as a binary file named .txt. */
export function pngBytes(): Buffer {
  return readFileSync(join(repoRoot, 'public', 'logo.png'));
}

/** Deterministic pseudo-random bytes with NULs in them. */
export function randomBytesWithNul(length = 4096): Uint8Array {
  const out = new Uint8Array(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  out[10] = 0;
  out[100] = 0;
  return out;
}

export const LONG_LINE_NUMBER = 8; // the first body paragraph of wire(): line 8

/**
 * Writes the limit fixtures into `content/limits/` (and a target outside the content folder into
 * `outside`). Returns the files expected to be rejected, with the reason pattern and line.
 */
export function writeLimitFixtures(content: string, outside: string): Record<string, { reason: RegExp; line?: number }> {
  const dir = join(content, 'limits');
  mkdirSync(dir, { recursive: true });
  mkdirSync(outside, { recursive: true });
  const write = (name: string, data: string | Uint8Array) => writeFileSync(join(dir, name), data);

  write('ok.txt', wire({ section: 'World', headline: 'An ordinary story among the limits', byline: 'AFP', published: '01 Mar, 2024 06:00pm' }));
  // Over the size limit: a valid article made large by its paragraphs.
  const paragraphs = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} of a very long story that keeps going with more words than anyone will read.`);
  const big = wire({ section: 'World', headline: 'A story too big to publish', byline: 'AFP', published: '01 Mar, 2024 06:01pm', body: paragraphs });
  if (Buffer.byteLength(big) <= MAX_FILE_SIZE) throw new Error('fixture: big.txt must exceed MAX_FILE_SIZE');
  write('big.txt', big);
  // A line over 100,000 characters (under the size limit).
  write(
    'long-line.txt',
    wire({ section: 'World', headline: 'A story with an endless line', published: '01 Mar, 2024 06:02pm', body: [`KARACHI: ${'word '.repeat(20_001)}end.`] }),
  );
  // Binary data named .txt.
  write('image.txt', pngBytes());
  write('random.txt', randomBytesWithNul());
  // Symbolic links: out of the folder (refused), to a file inside (fine), to nothing, to a folder.
  writeFileSync(join(outside, 'secret.txt'), wire({ section: 'World', headline: 'A secret outside the content folder', published: '01 Mar, 2024 06:03pm' }));
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'escape.txt'));
  symlinkSync('../../../../../../../../../../etc/hostname', join(dir, 'escape-relative.txt'));
  mkdirSync(join(dir, 'real'), { recursive: true });
  writeFileSync(
    join(dir, 'real', 'target.txt'),
    wire({ section: 'World', headline: 'A story reached through a link inside', published: '01 Mar, 2024 06:04pm' }),
  );
  symlinkSync('real/target.txt', join(dir, 'inside-link.txt'));
  symlinkSync('real/missing.txt', join(dir, 'dangling.txt'));
  symlinkSync('real', join(dir, 'folder-link.txt'));
  // Folder links: out of the content folder (not followed, reported), and inside it (not followed, silent).
  symlinkSync(outside, join(dir, 'outside-folder'));
  symlinkSync('real', join(dir, 'inside-folder'));
  // File names with a terminal escape sequence and a newline (and unreadable content): printed in the
  // build output, they must not drive the terminal or forge a line of their own.
  write('esc\u001b[2J\u001b[31mred.txt', 'not a wire file');
  write('two\nforged.txt', 'not a wire file');
  // Names that are not valid UTF-8 (a Latin-1 file name; a folder so named, holding a good story).
  const latin1 = (name: string) => Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name, 'latin1')]);
  writeFileSync(latin1('caf\u00e9.txt'), wire({ section: 'World', headline: 'A story in a Latin-1 named file', published: '01 Mar, 2024 06:05pm' }));
  mkdirSync(latin1('d\u00e9p\u00eat'));
  writeFileSync(
    Buffer.concat([latin1('d\u00e9p\u00eat'), Buffer.from('/story.txt')]),
    wire({ section: 'World', headline: 'A story in a Latin-1 named folder', published: '01 Mar, 2024 06:06pm' }),
  );
  // A FIFO named .txt would block a reader forever.
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);

  return {
    'limits/big.txt': { reason: /over the 150,000-byte limit/ },
    'limits/long-line.txt': { reason: /line is \d+ characters long, over the limit of 100000/, line: LONG_LINE_NUMBER },
    'limits/image.txt': { reason: /binary file/ },
    'limits/random.txt': { reason: /binary file/ },
    'limits/escape.txt': { reason: /outside the content folder/ },
    'limits/escape-relative.txt': { reason: /outside the content folder|does not exist/ },
    'limits/dangling.txt': { reason: /does not exist/ },
    'limits/folder-link.txt': { reason: /not point at a regular file/ },
    'limits/pipe.txt': { reason: /not a regular file/ },
    'limits/outside-folder/': { reason: /symbolic link to a folder outside the content folder: not followed/ },
    'limits/caf\ufffd.txt': { reason: /file name \(or a folder name on its path\) is not valid UTF-8/ },
    'limits/d\ufffdp\ufffdt/story.txt': { reason: /not valid UTF-8/ },
    'limits/esc\u001b[2J\u001b[31mred.txt': { reason: /expected/ },
    'limits/two\nforged.txt': { reason: /expected/ },
  };
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
}
