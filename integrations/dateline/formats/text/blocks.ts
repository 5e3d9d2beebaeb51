// Body blocks that are not story text (E): related-story headlines, photo captions, print footers, and the
// web-page furniture that Dawn's 2025 page captures carry (comment counters, player speeds, "Read more" lists).

import { wordCount } from './lines.ts';

/** Longest paragraph taken for a related-story headline (E), in characters and in words. */
export const RELATED_MAX_CHARS = 120;
export const RELATED_MAX_WORDS = 18;
export const RELATED_MIN_WORDS = 5;

// Story text ends with one of these; a related headline does not.
const FINAL_PUNCTUATION = /[.!?:;,”"’'…)\]}»›*\-۔؟،؛]$/u; // incl. Urdu full stop ۔ and Arabic ؟ ، ؛

/** `Also read: Neelum Valley: The sapphire trail` (Dawn's related link, E); Dawn also writes `Explore: …`. */
const ALSO_READ = /^(?:also read|read also|also see|see also|read more|read|related|explore)\s?:\s?(.+)$/i;

export function alsoReadHeadline(text: string): string | undefined {
  const m = ALSO_READ.exec(text);
  return m && m[1]!.length <= 300 ? m[1]!.trim() : undefined;
}

// Words a headline does not end on: a line ending on one is a sentence the scrape broke in two (APP, D).
const DANGLING = new Set(
  (
    'a an the of and or but nor to in on at for with by from into onto over under about after before between ' +
    'that which who whom whose as than is was were are be been has have had will would shall should can could ' +
    'his her their its our my your this these those said told added stated noted remarked per via amid'
  ).split(' '),
);

/** Story text ends with final punctuation; a related headline, a subhead or a list row does not. */
export function endsUnpunctuated(text: string): boolean {
  return !FINAL_PUNCTUATION.test(text);
}

/**
 * A related headline the scraper kept inline (E): short, no final punctuation, and shaped like a headline:
 * at least five words (shorter lines are feature subheads), starts with a capital, a digit or a quote,
 * quotes balanced, not a list or scorecard row (ends with a digit), not a tweet embed, not a sentence
 * broken mid-way (ends on `of`, `the`…; uses the reporting past tense `said`).
 */
export function looksLikeRelatedHeadline(text: string): boolean {
  if (text.length > RELATED_MAX_CHARS || !endsUnpunctuated(text)) return false;
  const words = text.split(' ');
  if (words.length < RELATED_MIN_WORDS || words.length > RELATED_MAX_WORDS) return false;
  // Urdu/Arabic headlines have no capitals: an Arabic-script first letter counts as a headline start.
  if (!/^[A-Z0-9‘“'"\u0600-\u06FF]/.test(text) || /\d$/.test(text)) return false;
  // Lists and squad lines: `• Over 10,000 …`, `1. …`, `INDIA: …`.
  if (/^(?:[•·▪\-*]|\d+[.)] )/.test(text) || /^[A-Z][A-Z ]+:/.test(text)) return false;
  if (/@|https?:|www\.|pic\.twitter/i.test(text) || /\bsaid\b/i.test(text)) return false;
  // a quotation with its attribution (`“…,” he added`) is story text missing its full stop
  if (/[,?!]”/.test(text) || /[’']s$/.test(text)) return false;
  // a clause after a comma (`In his address, the Naval Chief …`) marks a sentence, not a headline
  if (/, (?:the|he|she|it|they|we|which|who|whom|while|and|but|as|where|when|adding)\b/i.test(text)) return false;
  if (count(text, '“') !== count(text, '”') || count(text, '"') % 2 === 1) return false;
  return !DANGLING.has(words[words.length - 1]!.toLowerCase());
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

// A photo credit after a dash: `— Reuters/File`, `— PTIofficial/KP Assembly`, `— AFP`, `— Photo by …`,
// `— screengrab via IQAir`. Lower-case starts are allowed only for the usual credit words, so a sentence
// continuing after a dash (`… — will remain at risk`) is not a caption.
const CAPTION_CREDIT = /\s[—–]\s?([^—–]{1,60})$/;
const CREDIT_WORDS = /^(?:photo|photos|picture|image|screengrab|screenshot|file|courtesy|via|video|graphic|illustration|x\/|@)/i;

/** A photo caption split into its text and credit (`… — Reuters/File`), or undefined when it has none. */
export function splitCaption(text: string): { text: string; credit: string } | undefined {
  const m = CAPTION_CREDIT.exec(text.length > 2000 ? text.slice(-100) : text);
  if (!m) return undefined;
  const credit = m[1]!.trim();
  const before = text.slice(0, text.length - m[0].length).trim();
  if (credit === '' || before === '' || wordCount(credit) > 7) return undefined;
  if (/[.,;:!?”"’)]$/.test(credit) && !/\bFile\.$/.test(credit)) return undefined;
  if (!/^[A-Z]/.test(credit) && !CREDIT_WORDS.test(credit)) return undefined;
  if (/^\d/.test(credit) || /[,:]/.test(credit)) return undefined;
  // `“…” — John Adams` is an attributed quotation, not a photo caption
  if (/[”"]$/.test(before)) return undefined;
  return { text: before, credit: credit.replace(/\.$/, '') };
}

export const captionCredit = (text: string): string | undefined => splitCaption(text)?.credit;

/** `Header image: …` introduces a caption even without a credit. */
export function isHeaderImageCaption(text: string): boolean {
  return /^Header image\b/i.test(text);
}

// Print footers (E): `Published in Dawn, January 1st, 2025`, `Published in Dawn, Sunday Magazine, October 30th, 2016`,
// `An abridged version of this article was published in Dawn on Jan 1, 2025.`
const FOOTERS = [
  /^Published in [A-Z][^,]{0,60},.{0,80}\b\d{4}\.?$/,
  /^(?:An abridged|A shorter|A version|An edited|A longer|This article).{0,80}\b(?:was |were )?(?:first |originally )?published in\b.{0,120}$/i,
];

export function isFooter(text: string): boolean {
  return text.length <= 250 && FOOTERS.some((re) => re.test(text));
}

// Web-page furniture captured with Dawn's 2025 pages and the brecorder article page: never story text.
const FURNITURE_EXACT = new Set([
  'JOIN OUR WHATSAPP CHANNEL',
  'NEWSPAPER',
  'Listen to article',
  'Follow us',
  'Facebook',
  'Twitter',
  'Whatsapp',
  'WhatsApp',
  'Share',
  'Print',
  'Email',
  'View this post on Instagram',
]);

export function isFurniture(text: string): boolean {
  // comment counters (`0`) and audio-player speeds (`1x`, `1.5x`)
  return FURNITURE_EXACT.has(text) || /^\d{1,4}$/.test(text) || /^\d(?:\.\d{1,2})?x$/.test(text);
}

/** A "Read more" heading: the blocks after it are related headlines. */
export function isReadMoreHeading(text: string): boolean {
  return text === 'Read more' || text === 'Related' || text === 'Related stories';
}

/** Where the page's own chrome starts (comments, the video strip): nothing after it is the story. */
export function isPageEnd(text: string): boolean {
  return text === 'On DawnNews' || text === 'DAWN NEWS ENGLISH' || text === 'Comments' || text === 'Read more stories' || /^\d+ CHARACTERS\b/i.test(text);
}
