// The stock-ticker widget captured with a Business Recorder page (A1–A5). Two layouts carry it:
// the condensed one on the capture line (`BAFL 41.78 Decreased By ▼ -0.11 (-0.26%)`) and the scraper's
// one-block-per-field one (`AIRLINK⏎57.84⏎Decreased By⏎▼ -1.13 (-1.92%)`). Both are read by one
// pattern run over the blocks joined with spaces.
//
// Direction and sign rule (A3): the arrow wins when printed (▲ up, ▼ down); otherwise the
// `Increased By`/`Decreased By` label; otherwise the sign of the change (or of the percent); otherwise
// `none`. Index rows print an unsigned change under the label (`BR100⏎6,643⏎Decreased By⏎0.2 (-0%)`):
// a number printed without a sign takes the direction's sign, so that row reads change -0.2, percent 0.
// A sign printed explicitly is kept as printed. -0 is reported as 0.

import type { MarketQuote } from './types.ts';
import type { Block } from './lines.ts';

const NUM = String.raw`(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,12})(?:\.\d{1,6})?`;
const SIGN = '[+\\-\u2212]';
const SYMBOL = String.raw`[A-Z][A-Z0-9&.\-]{0,14}`;
const LABEL = String.raw`(?:(Increased|Decreased) By)`;
const ARROW = '([\u25B2\u25BC])';

// symbol, price, label?, arrow?, change, percent
const QUOTE_SOURCE = `(${SYMBOL}) (${NUM}) (?:${LABEL} )?(?:${ARROW} ?)?(${SIGN}?${NUM}) ?\\( ?(${SIGN}?\\d{1,6}(?:\\.\\d{1,6})?) ?% ?\\)`;
const QUOTE_AT = new RegExp(QUOTE_SOURCE, 'y');

// One field of the split layout, or a whole condensed quote, on its own line.
const QUOTE_PART = new RegExp(
  `^(?:${SYMBOL}|${NUM}|${LABEL}|(?:${ARROW} ?)?${SIGN}?${NUM} ?\\( ?${SIGN}?\\d{1,6}(?:\\.\\d{1,6})? ?% ?\\)|${QUOTE_SOURCE}(?: ${QUOTE_SOURCE})*)$`,
);

/** Longest stretch of text we try to read as a ticker (a 34-row widget is about 1 KB). */
const MAX_TICKER_CHARS = 20_000;

export function isQuotePart(text: string): boolean {
  return text.length <= 200 && QUOTE_PART.test(text);
}

function toNumber(printed: string): number {
  const n = Number(printed.replace(/,/g, '').replace('\u2212', '-'));
  return Object.is(n, -0) ? 0 : n;
}

function signed(printed: string, direction: MarketQuote['direction']): number {
  const value = toNumber(printed);
  if (/^[+\-\u2212]/.test(printed) || direction === 'none') return value;
  const magnitude = Math.abs(value);
  return direction === 'down' ? (magnitude === 0 ? 0 : -magnitude) : magnitude;
}

function directionOf(arrow: string | undefined, label: string | undefined, change: string, percent: string): MarketQuote['direction'] {
  if (arrow === '\u25B2') return 'up';
  if (arrow === '\u25BC') return 'down';
  if (label === 'Increased') return 'up';
  if (label === 'Decreased') return 'down';
  for (const printed of [change, percent]) {
    const n = toNumber(printed);
    if (n > 0) return 'up';
    if (n < 0) return 'down';
  }
  return 'none';
}

export interface TickerScan {
  quotes: MarketQuote[];
  /** How many of the given segments were read completely as quotes (from the start). */
  consumed: number;
  /** Characters of the first segment read as quotes (to report leftover text on the capture line). */
  firstSegmentChars: number;
}

/**
 * Read quotes from consecutive segments (the capture line's tail, then following blocks), joined by
 * spaces so the split layout (A1) reads like the condensed one. Stops at the first text that is not a
 * quote. Exact repeats (the widget's carousel copy, A5) are dropped.
 */
export function scanTicker(segments: Block[]): TickerScan {
  let joined = '';
  const ends: number[] = []; // end offset (exclusive) of each segment in `joined`
  for (const seg of segments) {
    if (joined.length + seg.text.length > MAX_TICKER_CHARS) break;
    if (joined !== '') joined += ' ';
    joined += seg.text;
    ends.push(joined.length);
  }
  const segmentAt = (offset: number): number => {
    const i = ends.findIndex((end) => offset < end);
    return i === -1 ? ends.length - 1 : i;
  };
  const quotes: MarketQuote[] = [];
  const seen = new Set<string>();
  let pos = 0;
  while (pos < joined.length) {
    QUOTE_AT.lastIndex = pos;
    const m = QUOTE_AT.exec(joined);
    // A quote ends at a word boundary: `4.81 (2%)x` is not a ticker.
    if (!m || (joined[pos + m[0].length] ?? ' ') !== ' ') break;
    const [, symbol, price, label, arrow, change, percent] = m as unknown as [string, string, string, string | undefined, string | undefined, string, string];
    const direction = directionOf(arrow, label, change, percent);
    const quote: MarketQuote = {
      symbol,
      price: toNumber(price),
      direction,
      change: signed(change, direction),
      percent: signed(percent, direction),
      line: segments[segmentAt(pos)]!.line,
    };
    const key = `${quote.symbol} ${quote.price} ${quote.direction} ${quote.change} ${quote.percent}`;
    if (!seen.has(key)) {
      seen.add(key);
      quotes.push(quote);
    }
    pos += m[0].length;
    if (joined[pos] === ' ') pos++;
  }
  let consumed = 0;
  while (consumed < ends.length && ends[consumed]! <= pos) consumed++;
  const firstSegmentChars = ends.length === 0 ? 0 : Math.min(pos, ends[0]!);
  return { quotes, consumed, firstSegmentChars };
}
