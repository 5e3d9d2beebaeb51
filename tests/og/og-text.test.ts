import { afterAll, describe, expect, it } from 'vitest';
import { layoutHeadline } from '../../integrations/dateline/og/render.ts';
import { arabicStyle, baseDirection, cleanText, escapeMarkup, truncationPrefixes } from '../../integrations/dateline/og/text.ts';
import { ensureFontconfig } from '../../integrations/dateline/og/fonts.ts';
import { resolveTheme } from '../../integrations/dateline/og/cache.ts';
import { HEADLINE, HEADLINE_MAX_LINES, HEADLINE_SIZES } from '../../integrations/dateline/og/template.ts';
import { removeTempDirs, tempDir, theme } from './helpers.ts';

const wellFormed = (s: string) => s.isWellFormed();

describe('text helpers', () => {
  it('direction from the first strong character', () => {
    expect(baseDirection('قومی اسمبلی')).toBe('rtl');
    expect(baseDirection('2026: قومی اسمبلی')).toBe('rtl');
    expect(baseDirection('Breaking: قومی')).toBe('ltr');
    expect(baseDirection('«שלום»')).toBe('rtl');
    expect(baseDirection('国会')).toBe('ltr');
  });

  it('Nastaliq for Urdu (lang or Urdu-only letters), Naskh for Arabic/Persian', () => {
    expect(arabicStyle('قومی اسمبلی نے بجٹ')).toBe('nastaliq');
    expect(arabicStyle('قومی اسمبلی', 'ur')).toBe('nastaliq');
    expect(arabicStyle('قومی اسمبلی', 'ur-PK')).toBe('nastaliq');
    expect(arabicStyle('وزراء الخارجية العرب')).toBe('naskh');
    expect(arabicStyle('مجلس ایران')).toBe('naskh');
    expect(arabicStyle('قومی اسمبلی نے', 'ar')).toBe('naskh');
    expect(arabicStyle('Hello')).toBe('none');
  });

  it('cleans and escapes', () => {
    expect(cleanText(' a\n\tb\u0007 \ud800c ')).toBe('a b \ufffdc');
    expect(escapeMarkup(`<b>&"'`)).toBe('&lt;b&gt;&amp;&quot;&#39;');
  });

  it('truncation prefixes never break surrogates or grapheme clusters', () => {
    const s = 'Family 👨‍👩‍👧‍👦 visits 🇵🇰 café e\u0301t\u00e9 𝐀𝐁 نے بجٹ';
    const p = truncationPrefixes(s);
    expect(p.length).toBeGreaterThan(3);
    for (const x of p) {
      expect(wellFormed(x)).toBe(true);
      expect(s.startsWith(x)).toBe(true);
      const next = s.slice(x.length, x.length + 1);
      // biome-ignore lint/suspicious/noMisleadingCharacterClass: a combining mark, a joiner or a lone low surrogate, each on its own
      expect(next).not.toMatch(/[\u0301\u200d\udc00-\udfff]/);
    }
    const zh = '国会通过预算国会通过预算国会通过预算';
    const pz = truncationPrefixes(zh, 'zh');
    expect(pz.length).toBeGreaterThan(3);
    const single = truncationPrefixes('👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦');
    expect(single).toEqual(['👨‍👩‍👧‍👦', '👨‍👩‍👧‍👦👨‍👩‍👧‍👦']);
  });
});

describe('headline layout', () => {
  ensureFontconfig(tempDir('layout'));
  const t = resolveTheme(theme);

  it('short headline: biggest size, one or two lines', async () => {
    const l = await layoutHeadline('China, Russia foreign ministers hail cooperation in call', t);
    expect(l.size).toBe(HEADLINE_SIZES[0]);
    expect(l.lines).toBe(2);
    expect(l.truncated).toBe(false);
  });

  it('sizes step down for longer headlines', async () => {
    const l = await layoutHeadline(
      'Pakistan’s federal cabinet approves sweeping overhaul of the tax code, widening the net to retailers, farmers and property dealers',
      t,
    );
    expect(l.size).toBeLessThan(HEADLINE_SIZES[0]);
    expect(l.lines).toBeLessThanOrEqual(HEADLINE_MAX_LINES);
    expect(l.truncated).toBe(false);
  });

  it('very long headlines end in an ellipsis within the line limit and the box', async () => {
    for (const [text, lang] of [
      ['word '.repeat(200).trim(), undefined],
      ['قومی اسمبلی نے بجٹ منظور کر لیا '.repeat(12).trim(), 'ur'],
      ['国会通过预算'.repeat(40), 'zh'],
      ['Supercalifragilistic'.repeat(30), undefined],
      [
        'وفاقی کابینہ نے ٹیکس نظام میں بڑی تبدیلیوں کی منظوری دے دی، ریٹیلرز، کسانوں اور پراپرٹی ڈیلرز کو ٹیکس نیٹ میں لانے کا فیصلہ، تنخواہ دار طبقے کے لیے ریلیف کا وعدہ، حکام کا کہنا ہے کہ نئے مالی سال میں اصلاحات نافذ ہوں گی اور اس کے بعد مزید اقدامات کیے جائیں گے جن کا اعلان جلد کیا جائے گا',
        undefined,
      ],
    ] as const) {
      const l = await layoutHeadline(text, t, lang);
      expect(l.truncated).toBe(true);
      expect(l.text.endsWith('\u2026')).toBe(true);
      expect(l.text.isWellFormed()).toBe(true);
      expect(text.startsWith(l.text.slice(0, -1))).toBe(true);
      // truncated only as far as needed: the line budget is used
      expect(l.lines).toBe(HEADLINE_MAX_LINES);
      expect(l.size).toBe(HEADLINE_SIZES[HEADLINE_SIZES.length - 1]);
      expect(l.img.height).toBeLessThanOrEqual(HEADLINE.height);
      expect(l.img.width).toBeLessThanOrEqual(HEADLINE.width);
    }
  });
});

afterAll(removeTempDirs);
