// Wire files for the SEO build tests: the reference article, hostile text in every field that reaches
// feeds, tags and JSON-LD, and stories around the Google News 48-hour window of a fixed "now".
import { readFileSync } from 'node:fs';
import { seedArticlePath } from '../helpers/build.ts';
import { wire } from '../helpers/wire.ts';

export const seedArticle = readFileSync(seedArticlePath, 'utf8');
export const REFERENCE_PATH = 'world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/';
/** The reference article's own social image (flat cards always come out as PNG). */
export const REFERENCE_IMAGE = 'og/world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call.png';

/** The build's "now" (Asia/Karachi, +05:00). */
export const NOW = '2024-03-02T12:00:00+05:00';

export { wire };

export const SCRIPT_HEADLINE = '</script><script>alert(1)</script>';
export const MARKUP_HEADLINE = 'Rates <b>rise</b> & bonds ]]> fall &amp; more';
export const URDU_HEADLINE = 'قومی اسمبلی نے بجٹ منظور کر لیا';
/** What real headlines carry: an ampersand, quotes, an apostrophe and a bare `<` (not markup). */
export const PLAIN_PUNCTUATION_HEADLINE = `Hockey & football: "Champions" win by < 2 goals, coach's side 3 > 1`;
export const HOSTILE_SECTION = 'Culture & Heritage <b>';
export const HOSTILE_BYLINE = '<script>alert(1)</script>';
export const HOSTILE_PARAGRAPHS = [
  'LAHORE: Officials said <script>alert("x")</script> was not a threat & the ]]> marker stayed.',
  'A paragraph with </script> and &amp; and <b>bold</b> text, plus a numeric-looking 0.10 figure.',
  'حکام نے کہا کہ اجلاس کل دوبارہ ہوگا۔',
];

/** 1 h, 47 h and 49 h before NOW, and 1 h after it (scheduled). */
export const windowFiles = {
  'window/one-hour.txt': wire({ section: 'Pakistan', headline: 'Story filed one hour ago', byline: 'APP', published: '02 Mar, 2024 11:00am' }),
  'window/47-hours.txt': wire({ section: 'Business', headline: 'Story filed 47 hours ago', byline: 'Reuters', published: '29 Feb, 2024 01:00pm' }),
  'window/49-hours.txt': wire({ section: 'Business', headline: 'Story filed 49 hours ago', byline: 'Reuters', published: '29 Feb, 2024 11:00am' }),
  'window/future.txt': wire({ section: 'World', headline: 'Embargoed story for later today', byline: 'AFP', published: '02 Mar, 2024 01:00pm' }),
};

export const hostileFiles = {
  'hostile/script-headline.txt': wire({
    section: 'World',
    headline: SCRIPT_HEADLINE,
    byline: 'AFP',
    published: '01 Mar, 2024 09:00am',
    body: HOSTILE_PARAGRAPHS,
  }),
  'hostile/markup.txt': wire({
    section: HOSTILE_SECTION,
    headline: MARKUP_HEADLINE,
    byline: HOSTILE_BYLINE,
    published: '01 Mar, 2024 10:00am',
    body: HOSTILE_PARAGRAPHS,
  }),
  'hostile/urdu.txt': wire({ section: 'Pakistan', headline: URDU_HEADLINE, byline: 'APP', published: '01 Mar, 2024 08:00am', body: [HOSTILE_PARAGRAPHS[2]!] }),
  'hostile/numeric-byline.txt': wire({ section: 'Markets', headline: 'Byline that looks like a number', byline: '0.10', published: '01 Mar, 2024 07:00am' }),
  'sports/punctuation.txt': wire({
    section: 'Sports & Games',
    headline: PLAIN_PUNCTUATION_HEADLINE,
    byline: 'Staff Reporter & APP',
    published: '01 Mar, 2024 06:00am',
    body: ['KARACHI: Players & officials said the "final" was close, with < 5 minutes left.', 'The second paragraph follows.'],
  }),
};

/** The reference article's related headline, published on the site: linked from its body. */
export const RELATED_HEADLINE = 'China to attend talks on Ukraine in Saudi Arabia that exclude Russia';
export const RELATED_PATH = 'world/2023/08/05/china-to-attend-talks-on-ukraine-in-saudi-arabia-that-exclude-russia/';

export const allFiles: Record<string, string> = {
  'world/reference.txt': seedArticle,
  'world/related.txt': wire({ section: 'World', headline: RELATED_HEADLINE, byline: 'Reuters', published: '05 Aug, 2023 10:00am' }),
  ...windowFiles,
  ...hostileFiles,
};
