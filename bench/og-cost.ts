// Benchmark of the social cards (integrations/dateline/og/): node bench/og-cost.ts [count=100] [concurrency]
// Renders `count` varied cards cold (empty cache), then warm (all reused); prints ms/image, CPU
// utilisation (user+sys CPU time / wall time; 2.0 = both cores of a 2-core box busy), bytes, PNG vs JPEG.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderOgImages, type OgCard } from '../integrations/dateline/og/index.ts';

const count = Number(process.argv[2] ?? 100);
const concurrency = process.argv[3] ? Number(process.argv[3]) : undefined;
const theme = { background: '#fbf9f4', foreground: '#16181d', accent: '#c0392b', muted: '#6b6f76' };

const en = [
  'China, Russia foreign ministers hail cooperation in call',
  'KSE-100 index gains 412 points as banks rally',
  'Federal cabinet approves sweeping overhaul of the tax code, widening the net to retailers, farmers and property dealers while promising relief for salaried workers',
  'Rain lashes Karachi; roads flooded',
  'IMF says talks on $3bn standby arrangement “constructive”, next review due in November after fiscal targets are met',
];
const ur = [
  'قومی اسمبلی نے بجٹ منظور کر لیا',
  'وفاقی کابینہ نے ٹیکس نظام میں بڑی تبدیلیوں کی منظوری دے دی، ریٹیلرز اور کسانوں کو ٹیکس نیٹ میں لانے کا فیصلہ',
  'کراچی میں بارش، سڑکیں زیر آب',
];
const other = [
  '国会通过预算',
  '中国和俄罗斯外长在通话中称赞合作',
  'وزراء الخارجية العرب يدعون إلى وقف فوري لإطلاق النار',
  'Breaking: قومی اسمبلی نے 2026 کا بجٹ منظور کر لیا — 国会通过预算 (APP)',
];
const sections = ['World', 'Business', 'Pakistan', 'Sport', 'Markets'];
const bylines = ['AFP', 'Reuters', 'AFP | Reuters', 'APP', 'Staff Reporter', ''];

function card(i: number): OgCard {
  const pool = i % 3 === 0 ? ur : i % 3 === 1 ? en : other;
  const headline = `${pool[i % pool.length]} ${i % 7 === 0 ? '' : `(${i})`}`.trim();
  return {
    siteName: 'Dateline',
    sectionLabel: sections[i % sections.length],
    headline,
    byline: bylines[i % bylines.length],
    dateText: `${(i % 28) + 1} August 2023, ${(i % 12) + 1}:${String(i % 60).padStart(2, '0')} pm PKT`,
    ...(pool === ur ? { lang: 'ur' } : {}),
  };
}

const jobs = Array.from({ length: count }, (_, i) => ({ id: `a${i}`, card: card(i) }));
const cacheDir = mkdtempSync(join(tmpdir(), 'og-bench-'));

/** Linux: per-thread [ns on CPU, ns runnable but waiting for a CPU] summed over this process's threads. */
function schedstat(): [number, number] | undefined {
  try {
    let run = 0,
      wait = 0;
    for (const t of readdirSync('/proc/self/task')) {
      const [a, b] = readFileSync(`/proc/self/task/${t}/schedstat`, 'utf8').split(' ').map(Number);
      run += a;
      wait += b;
    }
    return [run, wait];
  } catch {
    return undefined;
  }
}

async function run(label: string) {
  const s0 = schedstat();
  const c0 = process.cpuUsage();
  const e0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  const r = await renderOgImages(jobs, { cacheDir, theme, ...(concurrency ? { concurrency } : {}) });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const elu = performance.eventLoopUtilization(e0).utilization;
  const s1 = schedstat();
  // Waiting for a CPU means other processes held the cores: (run + wait) / wall is the parallelism we
  // asked for, run / wall what we got.
  const demand =
    s0 && s1 ? `, demand ${((s1[0] - s0[0] + s1[1] - s0[1]) / 1e6 / wall).toFixed(2)} (run queue wait ${((s1[1] - s0[1]) / 1e6).toFixed(0)} ms)` : '';
  const imgs = [...new Map([...r.images.values()].map((x) => [x.key, x])).values()];
  const png = imgs.filter((x) => x.ext === 'png').length;
  const bytes = imgs.reduce((s, x) => s + x.bytes, 0);
  console.log(
    `${label}: ${r.rendered} rendered, ${r.reused} reused, ${wall.toFixed(0)} ms = ${(wall / count).toFixed(1)} ms/image, ` +
      `CPU ${((cpu.user + cpu.system) / 1000 / wall).toFixed(2)} (of ${availableParallelism()} cores${demand}; main thread busy ${(elu * 100).toFixed(0)}%), ` +
      `${((cpu.user + cpu.system) / 1000 / Math.max(1, r.rendered + r.reused)).toFixed(1)} ms CPU/image, ` +
      `avg ${(bytes / imgs.length / 1024).toFixed(1)} KiB, max ${(Math.max(...imgs.map((x) => x.bytes)) / 1024).toFixed(1)} KiB, ` +
      `PNG ${png} / JPEG ${imgs.length - png}, warnings ${r.warnings.size}`,
  );
}

try {
  await run('cold');
  await run('warm');
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
