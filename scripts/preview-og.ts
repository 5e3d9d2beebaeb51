// Renders sample cards (Latin, Urdu, Arabic, Chinese, mixed, very long, uncovered emoji) plus the default
// image as PNG files for looking at: node scripts/preview-og.ts [outDir=/tmp/og-preview]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { renderDefaultImage, renderOgImages, type OgTheme } from '../integrations/dateline/og/index.ts';

const out = process.argv[2] ?? '/tmp/og-preview';
mkdirSync(out, { recursive: true });
const theme: OgTheme = { background: '#fbf9f4', foreground: '#16181d', accent: '#c0392b', muted: '#6b6f76' };
const base = { siteName: 'Dateline', sectionLabel: 'World', byline: 'AFP', dateText: '7 August 2023, 9:26 pm PKT' };
const headlines: Record<string, string> = {
  latin: 'China, Russia foreign ministers hail cooperation in call',
  urdu: 'قومی اسمبلی نے بجٹ منظور کر لیا',
  arabic: 'وزراء الخارجية العرب يدعون إلى وقف فوري لإطلاق النار',
  chinese: '国会通过预算',
  mixed: 'Breaking: قومی اسمبلی نے 2026 کا بجٹ منظور کر لیا — 国会通过预算 (APP)',
  long: 'Pakistan’s federal cabinet approves sweeping overhaul of the tax code, widening the net to retailers, farmers and property dealers while promising relief for salaried workers in the next fiscal year, officials said on Monday after a marathon session',
  'urdu-long':
    'وفاقی کابینہ نے ٹیکس نظام میں بڑی تبدیلیوں کی منظوری دے دی، ریٹیلرز، کسانوں اور پراپرٹی ڈیلرز کو ٹیکس نیٹ میں لانے کا فیصلہ، تنخواہ دار طبقے کے لیے ریلیف کا وعدہ، حکام کا کہنا ہے کہ نئے مالی سال میں اصلاحات نافذ ہوں گی اور اس کے بعد مزید اقدامات کیے جائیں گے',
  emoji: 'Markets rally 😀 as <b>rates</b> & "inflation" cool',
};
const cacheDir = join(out, '.cache');
const r = await renderOgImages(
  Object.entries(headlines).map(([id, headline]) => ({ id, card: { ...base, headline } })),
  { cacheDir, theme },
);
for (const [id, img] of r.images) {
  await sharp(img.file)
    .png()
    .toFile(join(out, `${id}.png`));
  console.log(`${id}.png  (${img.ext}, ${img.bytes} bytes)${r.warnings.has(id) ? `  ${r.warnings.get(id)!.join('; ')}` : ''}`);
}
const d = await renderDefaultImage({ cacheDir, theme, siteName: 'Dateline', tagline: 'News from the wires' });
await sharp(d.file).png().toFile(join(out, 'default.png'));
console.log(`default.png  (${d.ext}, ${d.bytes} bytes) → ${out}`);
