// Kills, withdrawals and corrections.
//
// Status: `pubstatus` (ninjs 1/2) / `pubStatus` (ninjs 3), one of `usable` (the default when absent),
// `withheld`, `canceled` (nar:pubStatus). Lenient readings of real feeds: `cancelled`, `killed`/`kill`
// are `canceled`; AP's `embargoed` is `usable` held back by the `embargoed` time (see times.ts).
//
// Correction: the ninjs schemas (1.6, 2.2, 3.1) define no correction field. Counted as one:
//  - a `correction` member (a provider extension): `true`, a non-empty string (its note), or an object
//    (its `note`, `text`, `value` or `description` is the note); `false`, empty or null is not one;
//  - a `signals` / `signal` entry (string, or object with `code`, `qcode`, `uri` or `name`) whose last
//    segment is `correction` (`correction`, `sig:correction`, `…/signal/correction`);
//  - an AP Media API `editorialtypes` entry `Correction`;
//  - a headline starting with `CORRECTED-`, `CORRECTED:`, `CORRECTION:`, `CORRECTION -` or
//    `CORRECTS -` (upper case, as wire desks write it); the mark is taken off the headline.
// `ednote` is never read (it is for the receiving desk, not for readers), even when it says "corrects".
import type { Diagnostic, WireItem } from '../item.ts';
import { spellings, type Generation } from './generation.ts';
import { elements, firstMember, isObject, member, stringMember, type Located } from './positions.ts';
import { clean, inlineText, quote } from './text.ts';

export type Status = WireItem['status'];

const STATUS_WORDS: Record<string, Status | 'embargoed'> = {
  usable: 'usable',
  withheld: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
  killed: 'canceled',
  kill: 'canceled',
  embargoed: 'embargoed',
};

export type StatusRead = { ok: true; status: Status; embargoedByStatus: boolean } | { ok: false; error: Diagnostic };

export function readStatus(item: Located, generation: Generation): StatusRead {
  const field = firstMember(item, ...spellings(generation, 'pubstatus', 'pubStatus'));
  if (!field || field.value === '') return { ok: true, status: 'usable', embargoedByStatus: false };
  const raw = typeof field.value === 'string' ? clean(field.value).toLowerCase() : undefined;
  // A qualified code (`stat:canceled`, NewsML-G2's form) reads as its last segment.
  const word = raw?.replace(/^.*[:/]/, '');
  const status = word === undefined ? undefined : STATUS_WORDS[word];
  if (status === undefined) {
    return {
      ok: false,
      error: {
        line: field.line,
        message: `unknown publication status ${quote(field.value)}: expected "usable", "withheld" or "canceled" (the item is not published on a guess)`,
      },
    };
  }
  return status === 'embargoed' ? { ok: true, status: 'usable', embargoedByStatus: true } : { ok: true, status, embargoedByStatus: false };
}

const lastSegment = (code: string) =>
  clean(code)
    .toLowerCase()
    .replace(/^.*[:/#]/, '');

function signalCodes(item: Located): { code: string; line: number }[] {
  const out: { code: string; line: number }[] = [];
  for (const name of ['signals', 'signal']) {
    const list = member(item, name);
    const entries = list && !Array.isArray(list.value) ? [list] : elements(list);
    for (const e of entries) {
      if (typeof e.value === 'string') out.push({ code: e.value, line: e.line });
      else if (isObject(e.value)) {
        const s = stringMember(e, 'code', 'qcode', 'uri', 'name');
        if (s) out.push({ code: s.text, line: s.line });
      }
    }
  }
  return out;
}

export interface CorrectionRead {
  correction?: WireItem['correction'];
  /** The headline without its correction mark. */
  headline: string;
}

const HEADLINE_MARK = /^(?:CORRECTED|CORRECTION|CORRECTS)\s*(?:-|:|\s[-–—])\s*/;

function correctionField(item: Located): WireItem['correction'] | undefined {
  const c = member(item, 'correction');
  if (!c) return undefined;
  if (c.value === true) return {};
  if (typeof c.value === 'string') {
    const note = inlineText(c.value);
    return note ? { note } : undefined;
  }
  if (isObject(c.value)) {
    const text = stringMember(c, 'note', 'text', 'value', 'description');
    const note = text ? inlineText(text.text) : '';
    return note ? { note } : {};
  }
  return undefined;
}

export function readCorrection(item: Located, headline: string): CorrectionRead {
  let correction = correctionField(item);
  if (!correction && signalCodes(item).some((s) => lastSegment(s.code) === 'correction')) correction = {};
  if (!correction) {
    const types = elements(member(item, 'editorialtypes'));
    if (types.some((t) => typeof t.value === 'string' && clean(t.value).toLowerCase() === 'correction')) correction = {};
  }
  const mark = HEADLINE_MARK.exec(headline);
  const rest = mark ? headline.slice(mark[0].length).trim() : headline;
  if (mark && rest !== '') {
    return { correction: correction ?? {}, headline: rest };
  }
  return correction ? { correction, headline } : { headline };
}

/**
 * AP Media API: "If the newscontent value is not present in the signals field, the content item may
 * NOT be published" (advisories, daybooks). Applies to AP items only (`provider: "AP"` or an AP Media
 * API uri), where `signals` is AP's; returns the reason to skip, or undefined.
 */
export function apNotForPublication(item: Located): { line: number; reason: string } | undefined {
  const provider = stringMember(item, 'provider')?.text.trim().toUpperCase();
  const uri = stringMember(item, 'uri')?.text ?? '';
  if (provider !== 'AP' && !/\/media\/v\/content\//.test(uri)) return undefined;
  const signals = member(item, 'signals');
  if (!signals || !Array.isArray(signals.value)) return undefined;
  if (signalCodes(item).some((s) => lastSegment(s.code) === 'newscontent')) return undefined;
  return { line: signals.line, reason: 'AP marks it as not for publication (its "signals" lack "newscontent": an advisory or daybook)' };
}
