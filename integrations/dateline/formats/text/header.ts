// The head of a wire file (fields in order, see wire-format.md): capture line, ticker, section, headline,
// byline + `Published` line.

import type { Block } from './lines.ts';

/** ` date 2023-08-07 …` (the leading space is optional): the scrape day, not the publication date. */
const CAPTURE = /^date (\d{4}-\d{2}-\d{2})(?: (.*))?$/i;

export function matchCaptureLine(text: string): { date: string; tail: string } | undefined {
  const m = CAPTURE.exec(text);
  return m ? { date: m[1]!, tail: (m[2] ?? '').trim() } : undefined;
}

export interface PublishedLine {
  /** Text before `Published` (the byline), '' when absent. */
  byline: string;
  /** Text after `Published`, up to an `Updated` stamp; '' for the split 2025 form (B2). */
  stamp: string;
  /** Text after `Updated`, when the line carries one. */
  updated?: string;
}

// After `Published` comes a stamp: a day, a month name, or a relative phrase (B1). Anything else
// (`Published works of …`) is prose.
const STAMP_START = /^(?:\d|(?:about|an?|just|yesterday|today|few|less|over|under|almost|nearly)\b|[A-Za-z]{3,9}\.? \d)/i;

/**
 * Recognise `AFP | Reuters Published 07 Aug, 2023 09:26pm`, `Published 05 Feb, 2016 09:39am`,
 * `Published about an hour ago`, a bare `Published` (B2) and `… Published October 22, 2025 Updated a day ago`.
 */
export function matchPublishedLine(text: string, maxBylineChars = 200): PublishedLine | undefined {
  let at: number;
  if (text.startsWith('Published')) at = 0;
  else {
    at = text.indexOf(' Published');
    if (at === -1 || at > maxBylineChars) return undefined;
    at += 1;
  }
  const after = text.slice(at + 'Published'.length);
  if (after !== '' && !after.startsWith(' ')) return undefined;
  const rest = after.trim();
  if (rest !== '' && !STAMP_START.test(rest)) return undefined;
  const byline = text.slice(0, at).trim();
  const u = rest.search(/(?:^| )Updated(?: |$)/);
  if (u === -1) return { byline, stamp: rest };
  return { byline, stamp: rest.slice(0, u).trim(), updated: rest.slice(u).trim().slice('Updated'.length).trim() };
}

// brecorder.com page chrome (A6): present in raw page scrapes, never in a wire article.
const PAGE_CHROME = new Set(['PRINT EDITION ►', 'BR MARKETS ►', 'Dollar to PKR ►', 'Brecorder']);

/** The first block that shows the file is a raw Business Recorder web page, if any. */
export function findPageChrome(blocks: Block[], from: number, limit = 400): Block | undefined {
  if (blocks[0] && / - Business Recorder$/.test(blocks[0].text)) return blocks[0];
  for (let i = from; i < Math.min(blocks.length, from + limit); i++) {
    if (PAGE_CHROME.has(blocks[i]!.text)) return blocks[i];
  }
  return undefined;
}
