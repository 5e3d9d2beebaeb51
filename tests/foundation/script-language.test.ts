// Headlines mostly in Arabic script are marked with their language; English ones with an Urdu phrase
// in brackets are not.
import { describe, expect, it } from 'vitest';
import { headlineLanguage } from '../../integrations/dateline/script-language.ts';

describe('headline language', () => {
  it('marks Urdu and Arabic headlines, and leaves English ones to the site language', () => {
    expect(headlineLanguage('قومی اسمبلی نے بجٹ منظور کر لیا')).toBe('ur');
    expect(headlineLanguage('مجلس الأمن يجتمع اليوم')).toBe('ar');
    expect(headlineLanguage('China, Russia foreign ministers hail cooperation in call')).toBeUndefined();
    expect(headlineLanguage('Budget estimate (کُل اخراجات کا تخمینہ) rises for the year')).toBeUndefined();
    expect(headlineLanguage('')).toBeUndefined();
  });
});
