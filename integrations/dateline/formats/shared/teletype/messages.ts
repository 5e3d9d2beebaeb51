// A teletype file is a stream of messages: each starts with SOH (ANPA sends SYN SYN before it) and ends
// with EOT. One file may hold several (a capture of the line, a `.tst` of a day's traffic); each is an
// item of its own, with the line its SOH is on.
import { EOT, SOH } from './controls.ts';
import type { LineMap } from './lines.ts';

export interface MessageSpan {
  /** Offset of the SOH. */
  start: number;
  /** Offset just past the message: its EOT, else the next SOH, else the end of the text. */
  end: number;
  /** Whether an EOT closed it. */
  closed: boolean;
  line: number;
}

/** Most messages a file may hold (more: the file is rejected). */
export const MAX_MESSAGES = 1000;

/** The messages of a text, in order. Text outside every message (line noise) is not part of any. */
export function splitMessages(text: string, map: LineMap): MessageSpan[] {
  const spans: MessageSpan[] = [];
  let at = text.indexOf(SOH);
  while (at !== -1) {
    const next = text.indexOf(SOH, at + 1);
    const limit = next === -1 ? text.length : next;
    const eot = text.indexOf(EOT, at + 1);
    const closed = eot !== -1 && eot < limit;
    spans.push({ start: at, end: closed ? eot : limit, closed, line: map.lineOf(at) });
    // Stop counting early: the caller rejects a file over the limit without reading its messages.
    if (spans.length > MAX_MESSAGES) break;
    at = next;
  }
  return spans;
}
