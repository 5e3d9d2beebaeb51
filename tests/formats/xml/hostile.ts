// Hostile XML, written for these tests: each case wraps its attack in a given format's document, says
// how the reader must answer (rejected with a message and line, or read), and is built at run time (the
// 100,000-level and 4 MB cases are not stored).
import { enc, lineOf } from './helpers.ts';

export interface HostileCase {
  name: string;
  text: string;
  /** `rejected`: the file must be refused with a message matching `message` at `line`; `read`: parsed. */
  expect: { rejected: true; message: RegExp; line: number } | { rejected: false };
}

/** A document of the format with `inner` where the story text goes and `doctype` before the root. */
export type Wrap = (parts: { doctype?: string; headline?: string; paragraph?: string; extra?: string }) => string;

export const PASSWD_MARKERS = ['root:x:0:0', '/bin/bash', '/usr/sbin/nologin', 'daemon:'];

export function hostileCases(wrap: Wrap): HostileCase[] {
  const laughs = [
    '<!DOCTYPE lolz [',
    ' <!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
    ']>',
  ].join('\n');
  const bomb = wrap({ doctype: laughs, headline: 'Laughs &lol9;', paragraph: '&lol9;' });
  const xxe = wrap({ doctype: '<!DOCTYPE doc [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>', headline: 'Leak &xxe;', paragraph: 'Here: &xxe;' });
  const parameter = wrap({
    doctype: '<!DOCTYPE doc [\n  <!ENTITY % remote SYSTEM "file:///etc/passwd">\n  %remote;\n]>',
    headline: 'Parameter entity',
    paragraph: 'Nothing to see.',
  });
  // A `]>` inside a comment of the internal subset must not hide the declaration after it.
  const hidden = wrap({
    doctype: '<!DOCTYPE doc [\n  <!-- ]> -->\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>',
    headline: 'Hidden &xxe;',
    paragraph: '&xxe;',
  });
  const depth = 100_000;
  const deep = wrap({ headline: 'Deep', paragraph: `${'<span>'.repeat(depth)}x${'</span>'.repeat(depth)}` });
  const big = wrap({ headline: 'A very long paragraph', paragraph: 'word '.repeat((4 * 1024 * 1024) / 5) });
  const nbsp = wrap({ headline: 'Non-breaking', paragraph: 'Prices rose&nbsp;sharply.' });
  const whole = wrap({ headline: 'Cut short', paragraph: 'The council met on Monday.' });
  const truncated = whole.slice(0, whole.indexOf('The council met') + 10);
  return [
    { name: 'entity bomb (billion laughs)', text: bomb, expect: { rejected: true, message: /DOCTYPE declares entities/, line: lineOf(bomb, '<!ENTITY') } },
    { name: 'external entity reading /etc/passwd', text: xxe, expect: { rejected: true, message: /DOCTYPE declares entities/, line: lineOf(xxe, '<!ENTITY') } },
    { name: 'parameter entity', text: parameter, expect: { rejected: true, message: /DOCTYPE declares entities/, line: lineOf(parameter, '<!ENTITY') } },
    {
      name: 'entity hidden after "]>" in a comment',
      text: hidden,
      expect: { rejected: true, message: /DOCTYPE declares entities/, line: lineOf(hidden, '<!ENTITY') },
    },
    {
      name: `nesting ${depth.toLocaleString('en')} levels deep`,
      text: deep,
      expect: { rejected: true, message: /nested deeper than 256 levels/, line: lineOf(deep, '<span>') },
    },
    { name: 'a 4 MB text node', text: big, expect: { rejected: false } },
    { name: 'undefined entity &nbsp;', text: nbsp, expect: { rejected: true, message: /undefined entity &nbsp;/, line: lineOf(nbsp, '&nbsp;') } },
    {
      name: 'truncated file',
      text: truncated,
      expect: { rejected: true, message: /not well-formed XML/, line: truncated.split('\n').length },
    },
  ];
}

export const bytesOf = (c: HostileCase) => enc(c.text);
