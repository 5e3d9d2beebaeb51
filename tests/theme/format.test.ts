// Number formatting of market quotes (src/lib/format.ts) and the link walker used by the e2e tests.
import { describe, expect, test } from 'vitest';
import { formatChange, formatPercent, formatPrice, quoteDirection } from '../../src/lib/format.ts';
import { cssUrls, pageUrls } from '../e2e/site-walk.ts';

describe('market quote formatting', () => {
  test('prices get thousands separators and keep two decimals when they have any', () => {
    expect(formatPrice(118412)).toBe('118,412');
    expect(formatPrice(41.78)).toBe('41.78');
    expect(formatPrice(118.2)).toBe('118.20');
    expect(formatPrice(1234567.5)).toBe('1,234,567.50');
  });

  test('changes and percents are signed', () => {
    expect(formatChange(1203.5)).toBe('+1,203.50');
    expect(formatChange(-0.11)).toBe('-0.11');
    expect(formatChange(0)).toBe('0');
    expect(formatPercent(-0.26)).toBe('-0.26%');
    expect(formatPercent(1)).toBe('+1%');
  });

  test('direction comes from the wire, else from the sign of the change', () => {
    const q = { symbol: 'X', price: 1, change: -2, percent: -1 };
    expect(quoteDirection({ ...q, direction: 'up' })).toBe('up');
    expect(quoteDirection({ ...q, direction: 'none' })).toBe('down');
    expect(quoteDirection({ ...q, change: 0, direction: 'none' })).toBe('none');
  });
});

describe('link walker', () => {
  test('finds href, src and srcset URLs and decodes entities', () => {
    const html = '<a href="/a/?x=1&amp;y=2">a</a><img src="/i.png" srcset="/i-1x.png 1x, /i-2x.png 2x" alt=""><link rel="x" href="b/">';
    expect(pageUrls(html)).toEqual(['/a/?x=1&y=2', '/i.png', '/i-1x.png', '/i-2x.png', 'b/']);
  });

  test('finds url() in stylesheets, skipping data: URLs', () => {
    expect(cssUrls("@font-face{src:url(/news/_astro/f.woff2) format('woff2')}a{background:url('x.png')}b{mask:url(data:image/svg+xml,abc)}")).toEqual([
      '/news/_astro/f.woff2',
      'x.png',
    ]);
  });
});
