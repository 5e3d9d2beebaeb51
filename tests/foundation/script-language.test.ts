// Headlines mostly in Arabic script are marked with their language; English ones with an Urdu phrase
// in brackets are not.
import { describe, expect, it } from 'vitest';
import { headlineLanguage, languageDirection, textLanguage } from '../../integrations/dateline/ingest/script-language.ts';

describe('headline language', () => {
  it('marks Urdu and Arabic headlines, and leaves English ones to the site language', () => {
    expect(headlineLanguage('قومی اسمبلی نے بجٹ منظور کر لیا')).toBe('ur');
    expect(headlineLanguage('مجلس الأمن يجتمع اليوم')).toBe('ar');
    expect(headlineLanguage('China, Russia foreign ministers hail cooperation in call')).toBeUndefined();
    expect(headlineLanguage('Budget estimate (کُل اخراجات کا تخمینہ) rises for the year')).toBeUndefined();
    expect(headlineLanguage('')).toBeUndefined();
  });
});

// A story's language told from its letters when the wire does not say (the wire text has no language
// field): its script, and within Arabic script the letters that tell Urdu, Arabic and Persian apart.
describe('text language', () => {
  it('tells Urdu, Arabic and Persian apart by the letters each uses, and leaves Latin text to the site', () => {
    // ٹ ں ے: Urdu only
    expect(textLanguage('صوبائی محکمہ جنگلات نے منگل کے روز ساحلی پٹی پر پودے لگانے کی مہم شروع کر دی۔')).toBe('ur');
    // ة ي ك ى: Arabic only
    expect(textLanguage('قالت الحكومة إن المدينة ستفتح مكتبة جديدة في الشهر المقبل على ضفة النهر.')).toBe('ar');
    // ک ی with ه and none of Urdu's own letters: Persian
    expect(textLanguage('وزارت نیرو گفت که این طرح تا پایان سال اجرا می‌شود.')).toBe('fa');
    // English with an Urdu phrase in brackets, an Urdu headline over English text: the site's language
    expect(textLanguage('The bill, titled in Urdu (تعلیمی اصلاحات کا بل), sets a common minimum curriculum for schools.')).toBeUndefined();
    expect(
      textLanguage('قومی اسمبلی نے بل منظور کر لیا\nThe National Assembly passed a bill on school reforms on Tuesday after a long debate.'),
    ).toBeUndefined();
    expect(textLanguage('ISLAMABAD (اے پی پی): قومی اسمبلی نے منگل کو تعلیمی اصلاحات کا بل منظور کر لیا جس پر دو روز بحث ہوئی۔')).toBe('ur');
    expect(textLanguage('')).toBeUndefined();
    expect(textLanguage('2024 — 12.5%')).toBeUndefined();
  });

  it('gives other scripts their language', () => {
    expect(textLanguage('外交部发言人表示，双方将继续加强合作。')).toBe('zh');
    expect(textLanguage('東京で国際会議が開かれ、各国の代表が出席しました。')).toBe('ja');
    expect(textLanguage('서울에서 국제 회의가 열렸다.')).toBe('ko');
    expect(textLanguage('Министр заявил, что переговоры продолжатся.')).toBe('ru');
    expect(textLanguage('Міністр заявив, що переговори триватимуть у Києві.')).toBe('uk');
    expect(textLanguage('मंत्री ने कहा कि बातचीत जारी रहेगी।')).toBe('hi');
    expect(textLanguage('השר אמר כי השיחות יימשכו.')).toBe('he');
  });

  it('knows which languages are written right to left', () => {
    for (const rtl of ['ur', 'ar', 'ar-EG', 'fa', 'he', 'ps', 'ku-Arab', 'UR']) expect(languageDirection(rtl), rtl).toBe('rtl');
    for (const ltr of ['en', 'en-GB', 'de', 'zh', 'hi', 'az-Latn', 'uz-Cyrl']) expect(languageDirection(ltr), ltr).toBe('ltr');
  });
});
