// One test per variant of the corpus's VARIANTS.md, each on the real quoted text (the short snippets
// quoted there) embedded in a minimal wire file. "⏎" in VARIANTS.md is a paragraph break (blank line).

import { describe, expect, it } from 'vitest';
import { parseWire, type ParseResult, type WireArticle } from '../../../integrations/dateline/formats/text/index.ts';
import { wire } from './helpers.ts';

function ok(result: ParseResult): WireArticle {
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.errors)}`);
  return result.article;
}
function errorOf(result: ParseResult) {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors[0]!;
}
const blocks = (quoted: string) => quoted.split('⏎').join('\n\n');
/** A wire file whose capture line is followed by the given ticker blocks. */
const withTicker = (ticker: string, capture = ' date 2024-01-14') =>
  `${capture}\n${blocks(ticker)}\n\nMarkets\n\nStocks close lower on profit taking\n\nRecorder Report Published 14 Jan, 2024 05:10pm\n\nKARACHI: Stocks fell on Friday.\n`;
const firstParagraph = (a: WireArticle) => a.body.find((b) => b.kind === 'paragraph') as { text: string };

describe('A. ticker widget', () => {
  it('A1: the split layout, one block per field, and the condensed one-line layout', () => {
    const split = ok(parseWire(withTicker('AIRLINK⏎57.84⏎Decreased By⏎▼ -1.13 (-1.92%)')));
    expect(split.quotes).toEqual([{ symbol: 'AIRLINK', price: 57.84, direction: 'down', change: -1.13, percent: -1.92, line: 2 }]);
    expect(split.section).toBe('Markets');
    expect(split.headline).toBe('Stocks close lower on profit taking');
    const oneLine = ok(parseWire(wire({ capture: ' date 2023-08-07 BAFL 41.78 Decreased By ▼ -0.11 (-0.26%)', section: 'World' })));
    expect(oneLine.captureDate).toBe('2023-08-07');
    expect(oneLine.quotes).toEqual([{ symbol: 'BAFL', price: 41.78, direction: 'down', change: -0.11, percent: -0.26, line: 1 }]);
    // the split layout may also follow the capture line directly without blank lines
    const tight = ok(parseWire(withTicker('AIRLINK\n57.84\nDecreased By\n▼ -1.13 (-1.92%)')));
    expect(tight.quotes.map((q) => q.symbol)).toEqual(['AIRLINK']);
  });

  it('A2: Increased vs Decreased', () => {
    const a = ok(parseWire(withTicker('CNERGY⏎4.81⏎Increased By⏎▲ 0.03 (0.63%)⏎BOP⏎6.54⏎Decreased By⏎▼ -0.04 (-0.61%)')));
    expect(a.quotes.map(({ line: _, ...q }) => q)).toEqual([
      { symbol: 'CNERGY', price: 4.81, direction: 'up', change: 0.03, percent: 0.63 },
      { symbol: 'BOP', price: 6.54, direction: 'down', change: -0.04, percent: -0.61 },
    ]);
  });

  it('A3: index rows without arrows, inconsistent signs, thousands separators, integer change', () => {
    const a = ok(
      parseWire(
        withTicker(
          'BR100⏎6,643⏎Decreased By⏎0.2 (-0%)⏎BR100⏎11,765⏎Decreased By⏎-123.2 (-1.04%)⏎KSE100⏎111,487⏎Decreased By⏎-543 (-0.48%)⏎KSE100⏎64,638⏎Increased By⏎20.1 (0.03%)',
        ),
      ),
    );
    expect(a.quotes.map(({ line: _, ...q }) => q)).toEqual([
      // unsigned change under "Decreased By" takes the label's sign; "-0%" is 0
      { symbol: 'BR100', price: 6643, direction: 'down', change: -0.2, percent: 0 },
      { symbol: 'BR100', price: 11765, direction: 'down', change: -123.2, percent: -1.04 },
      { symbol: 'KSE100', price: 111487, direction: 'down', change: -543, percent: -0.48 },
      { symbol: 'KSE100', price: 64638, direction: 'up', change: 20.1, percent: 0.03 },
    ]);
    expect(Object.is(a.quotes[0]!.percent, -0)).toBe(false);
    // no label and no arrow: the printed sign decides; nothing at all gives `none`
    const bare = ok(parseWire(withTicker('KSE30⏎21,631⏎51.3 (0.24%)⏎BR30⏎24,106⏎-41.2 (-0.17%)⏎XYZ⏎1.00⏎0 (0%)')));
    expect(bare.quotes.map((q) => [q.symbol, q.direction, q.change])).toEqual([
      ['KSE30', 'up', 51.3],
      ['BR30', 'down', -41.2],
      ['XYZ', 'none', 0],
    ]);
  });

  it('A4: percentages without decimals', () => {
    const a = ok(parseWire(withTicker('KEL⏎4.58⏎Increased By⏎▲ 0.09 (2%)⏎PIBTL⏎7.57⏎Increased By⏎▲ 0.69 (10%)')));
    expect(a.quotes.map((q) => q.percent)).toEqual([2, 10]);
  });

  it('A5: the widget repeats; exact repeats are dropped', () => {
    const once = 'CNERGY⏎4.81⏎Increased By⏎▲ 0.03 (0.63%)⏎BOP⏎6.54⏎Decreased By⏎▼ -0.04 (-0.61%)';
    const a = ok(parseWire(withTicker(`${once}⏎${once}⏎BR100⏎6,643⏎Decreased By⏎0.2 (-0%)`)));
    expect(a.quotes.map((q) => q.symbol)).toEqual(['CNERGY', 'BOP', 'BR100']);
    expect(a.quotes.map((q) => q.line)).toEqual([2, 10, 34]);
    const condensed = ok(parseWire(wire({ capture: ' date 2023-08-07 BAFL 41.78 Decreased By ▼ -0.11 (-0.26%) BAFL 41.78 Decreased By ▼ -0.11 (-0.26%)' })));
    expect(condensed.quotes).toHaveLength(1);
  });

  it('A6: site chrome after the ticker means a raw web page, rejected with a reason', () => {
    const page = `${blocks('AIRLINK⏎57.84⏎Decreased By⏎▼ -1.13 (-1.92%)⏎اردو⏎Brecorder⏎Jan 14, 2024⏎PRINT EDITION ►⏎BR MARKETS ►⏎Dollar to PKR ►')}\n`;
    const error = errorOf(parseWire(page));
    expect(error.message).toMatch(/not a wire article: a raw Business Recorder/);
    expect(error.line).toBe(11); // the `Brecorder` line
  });

  it('A7: converted files have only ` date YYYY-MM-DD` on line 1 and no ticker', () => {
    const a = ok(parseWire(wire({ capture: ' date 2025-08-11', section: 'National' })));
    expect(a.captureDate).toBe('2025-08-11');
    expect(a.quotes).toEqual([]);
    // the leading space is optional
    expect(ok(parseWire(wire({ capture: 'date 2025-08-11' }))).captureDate).toBe('2025-08-11');
  });
});

describe('B. Published / Updated lines', () => {
  it('B1: relative times cannot be placed in time', () => {
    const error = errorOf(parseWire(wire({ published: 'Published about an hour ago' })));
    expect(error.line).toBe(5);
    expect(error.message).toMatch(/relative time "about an hour ago" cannot be placed in time/);
    for (const p of ['Published a day ago', 'Published about 18 hours ago']) {
      expect(errorOf(parseWire(wire({ published: p }))).message).toMatch(/relative time/);
    }
    const updated = parseWire(wire({ body: ['KARACHI: The plan was announced.', 'Updated about 2 hours ago', 'It starts soon.'] }));
    expect(ok(updated).modified).toBeUndefined();
    expect(updated.warnings).toEqual([{ line: 9, message: expect.stringMatching(/relative "Updated" time "about 2 hours ago"/) }]);
    expect(ok(updated).body.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('B2: the 2025 article page split form `BR Web Desk⏎Published⏎January 29, 2025` has no time: rejected', () => {
    const file = ` date 2025-01-30\nPakistan\n\nPakistan voices alarm over US arms in Afghanistan, links them to cross-border terrorism\n\n${blocks('BR Web Desk⏎Published⏎January 29, 2025')}\n\nThe Foreign Office said on Tuesday.\n`;
    const error = errorOf(parseWire(file));
    expect(error.line).toBe(10);
    expect(error.message).toBe('expected "Published DD Mon, YYYY hh:mm(am|pm)", found "January 29, 2025" (the date has no time of day)');
    // the same split layout with a time of day parses
    const timed = ok(parseWire(file.replace('January 29, 2025', 'January 29, 2025 05:10pm')));
    expect(timed).toMatchObject({
      section: 'Pakistan',
      bylineText: 'BR Web Desk',
      byline: [{ name: 'BR Web Desk', kind: 'desk' }],
      published: '2025-01-29T17:10:00+05:00',
    });
    expect(timed.headline).toBe('Pakistan voices alarm over US arms in Afghanistan, links them to cross-border terrorism');
    // the real page (menus and all): tests/formats/text/corpus.test.ts
  });

  it('B3: a machine time stamp; absolute Updated stamps become `modified`', () => {
    expect(errorOf(parseWire(wire({ published: 'Published a day ago', body: ['2024-01-13-03-40', 'Text.'] }))).message).toMatch(/relative time/);
    const a = ok(parseWire(wire({ body: ['KARACHI: The plan was announced.', 'Updated 2024-01-13-03-40', 'It starts soon.'] })));
    expect(a.modified).toBe('2024-01-13T03:40:00+05:00');
    const b = ok(parseWire(wire({ published: 'AFP Published 07 Aug, 2023 09:26pm Updated 08 Aug, 2023 12:05am' })));
    expect(b.published).toBe('2023-08-07T21:26:00+05:00');
    expect(b.modified).toBe('2023-08-08T00:05:00+05:00');
  });

  it('B4: converted files: noon hour, midnight hour, no agency', () => {
    const noon = ok(parseWire(wire({ published: 'APP Published 03 Jan, 2020 12:52pm' })));
    expect(noon.published).toBe('2020-01-03T12:52:00+05:00');
    expect(noon.byline).toEqual([{ name: 'APP', kind: 'agency' }]);
    expect(ok(parseWire(wire({ published: 'APP Published 04 Nov, 2020 12:15am' }))).published).toBe('2020-11-04T00:15:00+05:00');
    const none = ok(parseWire(wire({ published: 'Published 05 Feb, 2016 09:39am' })));
    expect(none.published).toBe('2016-02-05T09:39:00+05:00');
    expect(none.bylineText).toBe('');
    expect(none.byline).toEqual([]);
  });

  it('B5: no zone is printed; Pakistan time (UTC+5) by default, the zone is a setting', () => {
    const file = wire({ published: 'APP Published 03 Jan, 2020 12:52pm' });
    expect(ok(parseWire(file)).published).toBe('2020-01-03T12:52:00+05:00');
    expect(ok(parseWire(file, { timeZone: 'UTC' })).published).toBe('2020-01-03T12:52:00+00:00');
  });
});

describe('C. bylines', () => {
  const byline = (text: string) => ok(parseWire(wire({ published: `${text} Published 01 Jan, 2025 10:15am` }))).byline;
  it.each([
    ['AFP', [['AFP', 'agency']]],
    ['Reuters', [['Reuters', 'agency']]],
    ['APP', [['APP', 'agency']]],
    ['Agencies', [['Agencies', 'agency']]],
    ['Dawn.com', [['Dawn.com', 'desk']]],
    ['BR Web Desk', [['BR Web Desk', 'desk']]],
    [
      'AFP | Reuters',
      [
        ['AFP', 'agency'],
        ['Reuters', 'agency'],
      ],
    ],
    [
      'Reuters | AFP',
      [
        ['Reuters', 'agency'],
        ['AFP', 'agency'],
      ],
    ],
    [
      'Reuters | Dawn.com',
      [
        ['Reuters', 'agency'],
        ['Dawn.com', 'desk'],
      ],
    ],
    [
      'Tahir Naseer | Dawn.com',
      [
        ['Tahir Naseer', 'person'],
        ['Dawn.com', 'desk'],
      ],
    ],
    [
      'Maha Qasim | Dania Nasir',
      [
        ['Maha Qasim', 'person'],
        ['Dania Nasir', 'person'],
      ],
    ],
    ["The Newspaper's Staff Reporter", [["The Newspaper's Staff Reporter", 'desk']]],
    ["The Newspaper's Sports Reporter", [["The Newspaper's Sports Reporter", 'desk']]],
    ['Our Correspondent', [['Our Correspondent', 'desk']]],
    ['Editorial', [['Editorial', 'desk']]],
    ['Recorder Report', [['Recorder Report', 'desk']]],
  ])('%s', (text, parts) => {
    expect(byline(text)).toEqual(parts.map(([name, kind]) => ({ name, kind })));
  });

  it('missing byline: the line is `Published …` only', () => {
    const a = ok(parseWire(wire({ published: 'Published 05 Feb, 2016 09:39am' })));
    expect(a.bylineText).toBe('');
    expect(a.byline).toEqual([]);
  });
});

describe('D. datelines', () => {
  const dateline = (paragraph: string) => {
    const a = ok(parseWire(wire({ body: [paragraph, 'A second paragraph follows here.'] })));
    return { dateline: a.dateline, datelineText: a.datelineText, first: firstParagraph(a).text };
  };
  it.each([
    ['BEIRUT: Syria’s de facto leader met envoys.', 'BEIRUT', 'BEIRUT:', 'Syria’s de facto leader met envoys.'],
    ['MOSCOW: Russia’s foreign ministry said.', 'MOSCOW', 'MOSCOW:', 'Russia’s foreign ministry said.'],
    ['Moscow: Russia’s foreign ministry said.', 'Moscow', 'Moscow:', 'Russia’s foreign ministry said.'],
    ['GAZA STRIP: Residents fled.', 'GAZA STRIP', 'GAZA STRIP:', 'Residents fled.'],
    ['DES MOINES: Voters gathered.', 'DES MOINES', 'DES MOINES:', 'Voters gathered.'],
    ['NEW DELHI: India said.', 'NEW DELHI', 'NEW DELHI:', 'India said.'],
    ['FAIRFAX (Virginia): Much like the rest.', 'FAIRFAX (Virginia)', 'FAIRFAX (Virginia):', 'Much like the rest.'],
    ['ISLAMABAD, Jan 1 (APP):Minister for Petroleum spoke.', 'ISLAMABAD', 'ISLAMABAD, Jan 1 (APP):', 'Minister for Petroleum spoke.'],
    ['ISLAMABAD, MAY 29 (APP): The minister spoke.', 'ISLAMABAD', 'ISLAMABAD, MAY 29 (APP):', 'The minister spoke.'],
    ['ISLAMABAD, Jan 31(APP): The minister spoke.', 'ISLAMABAD', 'ISLAMABAD, Jan 31(APP):', 'The minister spoke.'],
    ['ISLAMABAD Dec 24 (APP): The minister spoke.', 'ISLAMABAD', 'ISLAMABAD Dec 24 (APP):', 'The minister spoke.'],
    ['ISLAMABAD, Mar 30, (APP): The minister spoke.', 'ISLAMABAD', 'ISLAMABAD, Mar 30, (APP):', 'The minister spoke.'],
    ['NEW YORK, Dec 17 (APP) Minister for Foreign Affairs spoke.', 'NEW YORK', 'NEW YORK, Dec 17 (APP)', 'Minister for Foreign Affairs spoke.'],
    ['SIALKOT,June 26 (APP)::Special Assistant spoke.', 'SIALKOT', 'SIALKOT,June 26 (APP)::', 'Special Assistant spoke.'],
    ['MIRPUR (AJK): , Jan 13 (APP):The AJK president spoke.', 'MIRPUR (AJK)', 'MIRPUR (AJK): , Jan 13 (APP):', 'The AJK president spoke.'],
    ['MIRPUR [AJK]: Nov 02 (APP): The AJK president spoke.', 'MIRPUR (AJK)', 'MIRPUR [AJK]: Nov 02 (APP):', 'The AJK president spoke.'],
    ['MOSCOW (Russia), Oct 27 (APP): The envoy spoke.', 'MOSCOW (Russia)', 'MOSCOW (Russia), Oct 27 (APP):', 'The envoy spoke.'],
    ['ISLAMABAD, Jan 1 (AAPP): The minister spoke.', 'ISLAMABAD', 'ISLAMABAD, Jan 1 (AAPP):', 'The minister spoke.'],
    ['ISLAMABAD, Jan 1 (APPP): The minister spoke.', 'ISLAMABAD', 'ISLAMABAD, Jan 1 (APPP):', 'The minister spoke.'],
    ['ISLAMABAD, Jan 1 (app): The minister spoke.', 'ISLAMABAD', 'ISLAMABAD, Jan 1 (app):', 'The minister spoke.'],
    ['ISLAMABAD, Jan 1 (AP): The minister spoke.', 'ISLAMABAD', 'ISLAMABAD, Jan 1 (AP):', 'The minister spoke.'],
    // F: non-breaking and double spaces after the dateline
    ['MIRPUR (AJK):  Apr 20 (APP): The AJK president spoke.', 'MIRPUR (AJK)', 'MIRPUR (AJK): Apr 20 (APP):', 'The AJK president spoke.'],
    ['KARACHI:\u00A0The government spoke.', 'KARACHI', 'KARACHI:', 'The government spoke.'],
  ])('%s', (paragraph, place, text, rest) => {
    expect(dateline(paragraph)).toEqual({ dateline: place, datelineText: text, first: rest });
  });

  it('no dateline: teasers, features, bylines inside the body', () => {
    for (const p of [
      "The military's media wing says a sanitization operation was carried out.",
      'By Muhammad Naeem Khan Niazi | Christian community celebrated Christmas.',
    ]) {
      const d = dateline(p);
      expect(d.dateline).toBeUndefined();
      expect(d.datelineText).toBeUndefined();
      expect(d.first).toBe(p);
    }
  });

  it('only the first paragraph: a later ALL-CAPS `INDIA:` is a squad subhead, not a dateline', () => {
    const a = ok(
      parseWire(
        wire({
          body: [
            'The squads were named on Monday.',
            'INDIA: Rohit Sharma (capt), Shubman Gill.',
            'ENGLAND: Jos Buttler (capt).',
            'NEW ZEALAND: Mitchell Santner (capt).',
          ],
        }),
      ),
    );
    expect(a.dateline).toBeUndefined();
    expect(a.body.map((b) => (b.kind === 'paragraph' ? b.text : b.kind))).toEqual([
      'The squads were named on Monday.',
      'INDIA: Rohit Sharma (capt), Shubman Gill.',
      'ENGLAND: Jos Buttler (capt).',
      'NEW ZEALAND: Mitchell Santner (capt).',
    ]);
  });
});

describe('E. inline paragraphs that are not body text', () => {
  const body = [
    'The Foreign Office said on Tuesday that the weapons pose grave threats.',
    '“These weapons have been used by terrorist organisations,” the spokesperson asserted.',
    'Pakistan’s Foreign Office issued a stern statement on Tuesday.',
    'US may put ‘very big bounty’ on Afghan Taliban leaders, Secretary of State Rubio says',
    'Islamabad has persistently urged the Taliban-led administration to act.',
    'Also read: Neelum Valley: The sapphire trail',
    'Header image: Pakistan celebrate winning the ICC Champions Trophy 2017. — Reuters/File',
    'This photo combination shows PTI founder Imran Khan (C) and KP MPA Sohail Afridi (R). — PTIofficial/KP Assembly',
    'The valley is a long way from the capital… Azad Jammu and...',
    'Published in Dawn, January 1st, 2025',
  ];
  it('related headlines, captions, footers', () => {
    const a = ok(parseWire(wire({ body })));
    expect(a.body.map(({ line: _, ...b }) => b)).toEqual([
      { kind: 'paragraph', text: body[0] },
      { kind: 'paragraph', text: body[1] },
      { kind: 'paragraph', text: body[2] },
      { kind: 'related', headline: body[3] },
      { kind: 'paragraph', text: body[4] },
      { kind: 'related', headline: 'Neelum Valley: The sapphire trail' },
      { kind: 'caption', text: body[6], credit: 'Reuters/File' },
      { kind: 'caption', text: body[7], credit: 'PTIofficial/KP Assembly' },
      { kind: 'paragraph', text: body[8] },
      { kind: 'footer', text: body[9] },
    ]);
  });

  it('print footers in their three real forms', () => {
    for (const footer of [
      'Published in Dawn, January 1st, 2025',
      'Published in Dawn, Sunday Magazine, October 30th, 2016',
      'An abridged version of this article was published in Dawn on Jan 1, 2025.',
    ]) {
      const a = ok(parseWire(wire({ body: ['KARACHI: The story.', footer] })));
      expect(a.body.at(-1)).toMatchObject({ kind: 'footer', text: footer });
    }
  });

  it('a caption credited to an agency alone', () => {
    const a = ok(parseWire(wire({ body: ['KARACHI: The story.', 'Rescuers search the rubble in Gaza City. — AFP', 'More text.'] })));
    expect(a.body[1]).toMatchObject({ kind: 'caption', credit: 'AFP' });
  });

  it('page chrome after the body (`Comments`, `200 characters`, a "Latest" list) is not story text', () => {
    const result = parseWire(
      wire({ body: ['KARACHI: The story.', 'The end of the story.', 'Comments', '200 characters', 'Rupee registers marginal gain against dollar'] }),
    );
    expect(ok(result).body.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(result.warnings).toEqual([{ line: 11, message: 'web-page chrome from "Comments" to the end of the file ignored' }]);
  });
});

describe('F. characters', () => {
  it('curly quotes, soft hyphens, Urdu, non-breaking spaces', () => {
    const a = ok(
      parseWire(
        wire({
          headline: 'Budget talks re\u00ADsume in Islamabad',
          body: [
            'ISLAMABAD: The “practical cooperation” was praised\u00A0by  officials.',
            'The finance ministry gave kul akhraajaat ka takhmina (کُل اخراجات کا تخمینہ) for the year.',
            'Eco\u00ADnomists said the fore\u00ADcast was sound.',
          ],
        }),
      ),
    );
    expect(a.headline).toBe('Budget talks resume in Islamabad');
    const texts = a.body.map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(texts).toEqual([
      'The “practical cooperation” was praised by officials.',
      'The finance ministry gave kul akhraajaat ka takhmina (کُل اخراجات کا تخمینہ) for the year.',
      'Economists said the forecast was sound.',
    ]);
  });

  it('▲ ▼ ► • in the raw pages do not break parsing', () => {
    const a = ok(parseWire(wire({ body: ['KARACHI: Markets rose ▲ and fell ▼.', '• PIA privatisation', 'More ► text.'] })));
    expect(a.body.every((b) => b.kind === 'paragraph')).toBe(true);
  });
});

describe('G. length and shape', () => {
  it('the shortest files (about 420 bytes, two paragraphs) parse', () => {
    const a = ok(parseWire(wire({ body: ['ISLAMABAD, Jan 1 (APP): Short item.', 'Second line.'] })));
    expect(a.body).toHaveLength(2);
  });

  it('section missing: line 1 is followed straight by a blank line', () => {
    const a = ok(parseWire(' date 2025-03-01\n\nThe pursuit of Kashmir - Herald\n\nPublished 05 Feb, 2016 09:39am\n\nText of the story.\n'));
    expect(a.section).toBeUndefined();
    expect(a.headline).toBe('The pursuit of Kashmir - Herald');
    expect(a.headlineLine).toBe(3);
  });

  it('headline repeated in the page title on raw pages: rejected as a web page', () => {
    const file =
      'Pakistan voices alarm over US arms in Afghanistan, links them to cross-border terrorism - Pakistan - Business Recorder\n\nAIRLINK\n\n193.50\n\nDecreased By\n\n▼ -1.51 (-0.77%)\n';
    expect(errorOf(parseWire(file))).toEqual({ line: 1, message: expect.stringMatching(/not a wire article/) });
  });
});
