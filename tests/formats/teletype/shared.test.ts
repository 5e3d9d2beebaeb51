// The shared teletype readers: typography, trailer dates (centuries, missing years, rollover), marks,
// editor lines, datelines, bylines, markup and line numbers.
import { describe, expect, it } from 'vitest';
import {
  LineMap,
  bylineParts,
  clean,
  correctionNote,
  findTeletypeDateline,
  isEditorLine,
  isMarkLine,
  linesIn,
  placeTrailerDate,
  readNoteMarks,
  readSlugMarks,
  readVersion,
  readerText,
  stripMarkup,
  teletypeTypography,
} from '../../../integrations/dateline/formats/shared/teletype.ts';
import { lineAt, lineCount } from '../../../integrations/dateline/formats/shared/decode.ts';

const feb2024 = Date.parse('2024-02-10T12:00:00+00:00');

describe('typography', () => {
  it('turns teletype dashes and quotes into typography', () => {
    expect(teletypeTypography("He said ``we won'' _ and left.")).toBe('He said “we won” — and left.');
    expect(teletypeTypography("``She told me, `I'm here,' and sat.''")).toBe("“She told me, ‘I'm here,’ and sat.”");
    expect(teletypeTypography("it's the crew's boat")).toBe("it's the crew's boat");
  });
  it('keeps underscores of addresses and names', () => {
    expect(teletypeTypography('Write to first_last@example.com or see http://x.org/a_b _ today')).toBe(
      'Write to first_last@example.com or see http://x.org/a_b — today',
    );
  });
  it('reader text has no control characters, tags or doubled spaces', () => {
    expect(readerText('\u0002\tHarbour\u0007  news\u007f\u0085 <b>today</b>\u00ad')).toBe('Harbour news today');
  });
});

describe('trailer dates', () => {
  const utc = 'UTC';
  it('a 2-digit year takes the latest century not after the file time', () => {
    const r = placeTrailerDate({ day: 13, hour: 11, minute: 37, month: 11, year: { digits: 2, value: 13 } }, utc, feb2024);
    expect(r).toMatchObject({ ok: true, iso: '2013-11-13T11:37:00+00:00', year: 2013 });
    const old = placeTrailerDate({ day: 1, hour: 0, minute: 0, month: 1, year: { digits: 2, value: 85 } }, utc, feb2024);
    expect(old).toMatchObject({ ok: true, year: 1985 });
  });
  it('a 2-digit year of the coming months goes back a century', () => {
    const r = placeTrailerDate({ day: 1, hour: 9, minute: 0, month: 12, year: { digits: 2, value: 24 } }, utc, feb2024);
    expect(r).toMatchObject({ ok: true, year: 1924 });
  });
  it('without a file time a 2-digit year is read 1970–2069 with a warning', () => {
    const r = placeTrailerDate({ day: 20, hour: 3, minute: 37, month: 2, year: { digits: 2, value: 16 }, zone: 'UTC' }, 'Asia/Karachi', undefined);
    expect(r).toMatchObject({ ok: true, iso: '2016-02-20T08:37:00+05:00' });
    expect(r.ok && r.warning).toMatch(/2-digit year 16 read as 2016/);
  });
  it('a year-less January trailer in a February file is this year; a December one is last year', () => {
    expect(placeTrailerDate({ day: 28, hour: 23, minute: 5, month: 1 }, utc, feb2024)).toMatchObject({ ok: true, iso: '2024-01-28T23:05:00+00:00' });
    expect(placeTrailerDate({ day: 31, hour: 22, minute: 0, month: 12 }, utc, feb2024)).toMatchObject({ ok: true, iso: '2023-12-31T22:00:00+00:00' });
  });
  it('29 February without a year is the latest leap year', () => {
    expect(placeTrailerDate({ day: 29, hour: 8, minute: 0, month: 2 }, utc, Date.parse('2027-03-01T00:00:00+00:00'))).toMatchObject({ ok: true, year: 2024 });
  });
  it('a year-less trailer without a file time cannot be placed', () => {
    const r = placeTrailerDate({ day: 3, hour: 8, minute: 0, month: 2 }, utc, undefined);
    expect(r).toEqual({ ok: false, reason: 'the trailer date has no year and no file time was given to place it' });
  });
  it('an impossible date is reported', () => {
    const r = placeTrailerDate({ day: 31, hour: 25, minute: 0, month: 4, year: { digits: 2, value: 20 } }, utc, feb2024);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/not a real time/);
  });
  it('zone names give their offset; a zone-less time is in the configured zone', () => {
    expect(placeTrailerDate({ day: 5, hour: 12, minute: 0, month: 6, year: { digits: 4, value: 2020 }, zone: 'UTC+2' }, utc, undefined)).toMatchObject({
      iso: '2020-06-05T10:00:00+00:00',
    });
    expect(placeTrailerDate({ day: 5, hour: 12, minute: 0, month: 6, year: { digits: 4, value: 2020 } }, 'Europe/Berlin', undefined)).toMatchObject({
      iso: '2020-06-05T12:00:00+02:00',
    });
  });
});

describe('marks', () => {
  it('reads lead and writethru numbers', () => {
    expect(readVersion('1st Ld-Writethru')).toBe(1);
    expect(readVersion('2nd Ld-Writethru')).toBe(2);
    expect(readVersion('1stLd-Writethru')).toBe(1);
    expect(readVersion('3RD LEAD')).toBe(3);
    expect(readVersion('Writethru')).toBe(1);
    expect(readVersion('Lead poisoning')).toBeUndefined();
    expect(readVersion('Sub')).toBeUndefined();
  });
  it('reads corrections, kills, withdrawals and advisories from slug fields', () => {
    expect(readSlugMarks('Correction')).toMatchObject({ correction: true });
    expect(readSlugMarks('KILL')).toMatchObject({ status: 'canceled' });
    expect(readSlugMarks('ELIMINATION')).toMatchObject({ status: 'canceled' });
    expect(readSlugMarks('WITHDRAWAL')).toMatchObject({ status: 'withheld' });
    expect(readSlugMarks('Advisory')).toMatchObject({ advisory: true });
  });
  it('reads editor lines strictly: prose about a withdrawal is not one', () => {
    expect(readNoteMarks('Eds: CORRECTS spelling of union leader.')).toMatchObject({ correction: true });
    expect(readNoteMarks('Eds: Kill the story. It is being withdrawn.')).toMatchObject({ status: 'canceled' });
    const prose = readNoteMarks('Eds: Adds that the bill was withdrawn and police kill no one.');
    expect(prose.correction).toBe(false);
    expect(prose.status).toBeUndefined();
  });
  it('knows mark-only headline lines', () => {
    for (const m of ['1ST LEAD', 'REFILE', 'EXTRA', '(Achtung)', 'KILL', '2ND LEAD']) expect(isMarkLine(m), m).toBe(true);
    for (const m of ['Ferry strike ends', 'LEAD', 'KILLS']) expect(isMarkLine(m) && m !== 'LEAD', m).toBe(false);
  });
  it('the correction note reads as a sentence', () => {
    expect(correctionNote("Eds: CORRECTS spelling of union leader's name.")).toBe("Corrects spelling of union leader's name.");
    expect(correctionNote('Correction: the quay reopened on Monday.')).toBe('The quay reopened on Monday.');
  });
  it('editor lines', () => {
    for (const l of ['Eds: With AP Photos.', "EDITOR'S NOTE _ A note", 'AP Photo XNP101', '(Eds: note)']) expect(isEditorLine(l), l).toBe(true);
    for (const l of ['Harbour ferry strike ends', 'Changes to ferry rules approved', 'Editorial cartoons win prize']) expect(isEditorLine(l), l).toBe(false);
  });
});

describe('datelines and bylines', () => {
  it('finds AP and dpa datelines', () => {
    expect(findTeletypeDateline('ATLANTA (AP) — Deng scored.')).toEqual({ place: 'ATLANTA', agency: 'AP', text: 'ATLANTA (AP) —', rest: 'Deng scored.' });
    expect(findTeletypeDateline('CHATHAM, Mass. (AP) — A lobster.')).toMatchObject({ place: 'CHATHAM, Mass.', rest: 'A lobster.' });
    expect(findTeletypeDateline('San Diego (tca/dpa) - History says.')).toMatchObject({ place: 'San Diego', agency: 'tca/dpa', text: 'San Diego (tca/dpa) -' });
    expect(findTeletypeDateline('The union (which called the strike) said no.')).toBeUndefined();
    expect(findTeletypeDateline('Ferry crews returned to work.')).toBeUndefined();
  });
  it('splits teletype bylines into people and organisations', () => {
    expect(bylineParts(['By PAUL ROE and ANA DOE', 'Associated Press'])).toEqual([
      { name: 'PAUL ROE', kind: 'person' },
      { name: 'ANA DOE', kind: 'person' },
      { name: 'Associated Press', kind: 'agency' },
    ]);
    expect(bylineParts(['By JANE ROE', 'AP Sports Writer'])).toEqual([{ name: 'JANE ROE', kind: 'person' }]);
    expect(bylineParts(['By Mia Klein, dpa'])).toEqual([
      { name: 'Mia Klein', kind: 'person' },
      { name: 'dpa', kind: 'agency' },
    ]);
    expect(bylineParts(['By The Associated Press'])).toEqual([{ name: 'Associated Press', kind: 'agency' }]);
    expect(bylineParts(['By dpa correspondents'])).toEqual([{ name: 'dpa correspondents', kind: 'desk' }]);
  });
});

describe('markup and lines', () => {
  it('drops tags and script text, keeps the words around them', () => {
    expect(stripMarkup('Ferry <script>alert(1)</script>strike <img src=x onerror="alert(2)">ends')).toBe('Ferry strike ends');
    expect(stripMarkup('3 < 5 & 7 > 2')).toBe('3 < 5 & 7 > 2');
    expect(clean(stripMarkup('Tom &amp; <style>p{}</style>Jerry'))).toBe('Tom & Jerry');
  });
  it('numbers lines as lineAt/lineCount do, whatever the line ends', () => {
    const text = 'a\r\nb\nc\rd\r\n\r\ne\n';
    const map = new LineMap(text);
    expect(map.lastLine).toBe(lineCount(text));
    for (let i = 0; i <= text.length; i++) expect(map.lineOf(i), `offset ${i}`).toBe(Math.min(lineAt(text, i), lineCount(text)));
    expect(linesIn(text, 0, text.length, map).map((l) => [l.line, l.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
      [5, ''],
      [6, 'e'],
    ]);
  });
});
