// A related headline in Urdu (no capitals, Urdu punctuation) is recognised like an English one; an Urdu
// sentence ending with the Urdu full stop ۔ stays body text.
import { describe, expect, it } from 'vitest';
import { parseWire } from '../../../integrations/dateline/formats/text/index.ts';

const file = (body: string[]) =>
  [
    ' date 2024-03-02',
    'Pakistan',
    '',
    'Assembly passes school reform bill',
    '',
    'APP Published 01 Mar, 2024 10:00am',
    '',
    ...body.flatMap((p) => [p, '']),
  ].join('\n');

describe('Urdu related headlines', () => {
  it('classifies a short unpunctuated Urdu line between paragraphs as a related headline', () => {
    const result = parseWire(
      file(['ISLAMABAD: The assembly passed the bill on Friday.', 'قومی اسمبلی نے تعلیمی اصلاحات کا بل منظور کر لیا', 'Members from both sides backed it.']),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.body.map((b) => b.kind)).toEqual(['paragraph', 'related', 'paragraph']);
  });

  it('keeps an Urdu sentence that ends with ۔ as a paragraph', () => {
    const result = parseWire(
      file([
        'ISLAMABAD: The assembly passed the bill on Friday.',
        'قومی اسمبلی نے تعلیمی اصلاحات کا بل منظور کر لیا ہے۔',
        'Members from both sides backed it.',
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.body.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });
});
