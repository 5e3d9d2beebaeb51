// Draws the demo site's wire pictures: five photo-like scenes written as SVG here, rendered with sharp,
// given a film grain and saved as JPEG into content/photos/. Nothing is downloaded or copied: every
// picture is made by this script, and the same bytes come out on every run (the scenes and the grain use
// a seeded random generator; SVG turbulence filters take fixed seeds; no text, so no system fonts).
//
//   node_modules/.bin/node scripts/demo-photos.ts
//
// The wire files under content/agency/ refer to these pictures by relative path.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'content', 'photos');

/** Budgets: each picture under ~600 KB, all of them under 2.5 MB. */
const MAX_FILE_BYTES = 600 * 1024;
const MAX_TOTAL_BYTES = 2.5 * 1024 * 1024;

type Rand = () => number;

/** mulberry32: a small seeded generator, so that every run draws the same scene. */
function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Numbers as SVG writes them: one decimal, no trailing zeros. */
const n = (v: number): string => String(Math.round(v * 10) / 10);
/** Opacities: two decimals. */
const op = (v: number): string => String(Math.round(v * 100) / 100);
const between = (r: Rand, a: number, b: number): number => a + (b - a) * r();
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length) % list.length] as T;
/** Roughly normal, mean 0, deviation 1 (six uniforms summed have variance 1/2: cheap and deterministic). */
const normal = (r: Rand): number => (r() + r() + r() + r() + r() + r() - 3) * Math.SQRT2;

/** A ridge line (hills, a headland) as a closed path down to `bottom`. */
function ridge(r: Rand, x0: number, x1: number, base: number, amp: number, bottom: number, step = 12, taper = 0): string {
  const f = [between(r, 0.002, 0.004), between(r, 0.006, 0.011), between(r, 0.02, 0.035)];
  const p = [r() * 6.28, r() * 6.28, r() * 6.28];
  const pts: string[] = [];
  for (let x = x0; x <= x1 + step; x += step) {
    const y = base - amp * (0.55 * Math.sin(x * f[0]! + p[0]!) + 0.3 * Math.sin(x * f[1]! + p[1]!) + 0.15 * Math.sin(x * f[2]! + p[2]!)) - amp * 0.08 * r();
    // `taper`: over its last `taper` pixels the ridge slopes down to `bottom` (a headland's end).
    const fade = taper > 0 ? Math.min(1, Math.max(0, (x1 - x) / taper)) ** 0.7 : 1;
    pts.push(`${n(Math.min(x, x1))},${n(bottom - (bottom - y) * fade)}`);
  }
  return `M${n(x0)},${n(bottom)} L${pts.join(' L')} L${n(x1)},${n(bottom)} Z`;
}

/** Turbulence used as a mask: the source graphic shows where the noise is dense (clouds, ripples). */
function maskFilter(id: string, type: 'fractalNoise' | 'turbulence', freq: string, octaves: number, seed: number, gain: number, offset: number): string {
  return (
    `<filter id="${id}" x="0" y="0" width="100%" height="100%">` +
    `<feTurbulence type="${type}" baseFrequency="${freq}" numOctaves="${octaves}" seed="${seed}" result="n"/>` +
    `<feColorMatrix in="n" type="matrix" values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  ${gain} 0 0 0 ${offset}" result="m"/>` +
    `<feComposite in="SourceGraphic" in2="m" operator="in"/></filter>`
  );
}

const blurFilter = (id: string, sd: number): string =>
  `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${sd}"/></filter>`;

/** Water-reflection wobble: displaced sideways by stretched noise, softened. */
const wobbleFilter = (id: string, freq: string, scale: number, seed: number): string =>
  `<filter id="${id}" x="-20%" y="-20%" width="140%" height="140%">` +
  `<feTurbulence type="fractalNoise" baseFrequency="${freq}" numOctaves="2" seed="${seed}" result="t"/>` +
  `<feDisplacementMap in="SourceGraphic" in2="t" scale="${scale}" xChannelSelector="R" yChannelSelector="G" result="d"/>` +
  `<feGaussianBlur in="d" stdDeviation="1.6"/></filter>`;

function gradient(id: string, stops: [number, string, number?][], dir: { x1?: number; y1?: number; x2?: number; y2?: number } = {}): string {
  const { x1 = 0, y1 = 0, x2 = 0, y2 = 1 } = dir;
  return (
    `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">` +
    stops.map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}"${a === undefined ? '' : ` stop-opacity="${a}"`}/>`).join('') +
    `</linearGradient>`
  );
}

function radial(id: string, stops: [number, string, number?][], at?: { cx: number; cy: number; r: number }): string {
  const geometry = at ? ` gradientUnits="userSpaceOnUse" cx="${n(at.cx)}" cy="${n(at.cy)}" r="${n(at.r)}"` : '';
  return (
    `<radialGradient id="${id}"${geometry}>` +
    stops.map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}"${a === undefined ? '' : ` stop-opacity="${a}"`}/>`).join('') +
    `</radialGradient>`
  );
}

const svg = (w: number, h: number, defs: string[], body: string[]): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
  `<defs>${defs.join('')}</defs>${body.join('')}</svg>`;

/** A lens's darker corners. */
const vignette = (w: number, h: number, strength: number): [string, string] => [
  radial('vignette', [
    [0.55, '#000', 0],
    [1, '#000', strength],
  ]),
  `<rect width="${w}" height="${h}" fill="url(#vignette)"/>`,
];

// ---------------------------------------------------------------------------------------------------
// 1. A harbour at dusk: fishing boats, a pier, container cranes on the far quay, the sun going down.

function fishingBoat(hull: string, band: string, lit: boolean[]): string {
  const windows = lit.map((on, i) => `<rect x="${-52 + i * 30}" y="-84" width="16" height="12" rx="2" fill="${on ? '#ffcf7a' : '#2a2436'}"/>`).join('');
  return (
    `<path d="M-20,-96 L-20,-250 M-20,-230 L110,-58 M-20,-230 L-150,-52 M-20,-170 L60,-170" stroke="#1d1826" stroke-width="4" fill="none"/>` +
    `<path d="M-20,-250 L-20,-96" stroke="#1d1826" stroke-width="7"/>` +
    `<rect x="-66" y="-100" width="104" height="56" rx="4" fill="#3b3348"/>` +
    `<rect x="-66" y="-100" width="104" height="8" fill="#5a4a5e"/>` +
    windows +
    `<path d="M-158,-46 L150,-54 Q146,-16 112,0 L-122,0 Q-150,-14 -158,-46 Z" fill="${hull}"/>` +
    `<path d="M-158,-46 L150,-54 L149,-44 L-155,-37 Z" fill="${band}"/>` +
    `<path d="M-150,-40 Q-138,-12 -120,-2" stroke="#000" stroke-opacity=".25" stroke-width="6" fill="none"/>` +
    `<circle cx="-20" cy="-252" r="4" fill="#fff6e0"/>`
  );
}

function harbour(): string {
  const W = 2400;
  const H = 1600;
  const HZ = 960;
  const r = seeded(1101);
  const sunX = 1560;
  const defs: string[] = [
    gradient('sky', [
      [0, '#121838'],
      [0.3, '#2f2a5c'],
      [0.58, '#8a4a66'],
      [0.8, '#e2824f'],
      [1, '#fbcf8a'],
    ]),
    gradient('sea', [
      [0, '#d8895c'],
      [0.12, '#9a5563'],
      [0.45, '#41315a'],
      [1, '#0f1228'],
    ]),
    gradient('cloudTint', [
      [0, '#2a2448', 0.6],
      [0.35, '#5a3f6e', 0.85],
      [0.7, '#e59a72', 0.95],
      [1, '#ffd9a0', 0.5],
    ]),
    gradient('headland', [
      [0, '#2c2140'],
      [1, '#5a3d5c'],
    ]),
    gradient('farland', [
      [0, '#53395e'],
      [1, '#7d4f62'],
    ]),
    gradient('sheen', [
      [0, '#ffc389', 0.9],
      [0.35, '#c06a6a', 0.5],
      [1, '#3a3260', 0.25],
    ]),
    gradient('haze', [
      [0, '#ffb27a', 0],
      [0.5, '#ffb27a', 0.32],
      [1, '#ffb27a', 0],
    ]),
    gradient('deck', [
      [0, '#3b2c34'],
      [1, '#17121c'],
    ]),
    radial(
      'sunGlow',
      [
        [0, '#fff4d2', 1],
        [0.05, '#ffe3a2', 0.95],
        [0.22, '#ffb866', 0.42],
        [1, '#ff9a50', 0],
      ],
      { cx: sunX, cy: 925, r: 640 },
    ),
    radial('lamp', [
      [0, '#fff1c8', 1],
      [0.2, '#ffc870', 0.6],
      [1, '#ff9a40', 0],
    ]),
    maskFilter('clouds', 'fractalNoise', '0.0011 0.0062', 5, 4, 3.4, -1.5),
    maskFilter('ripples', 'turbulence', '0.0022 0.05', 3, 9, 3.0, -0.2),
    maskFilter('ripplesNear', 'turbulence', '0.0016 0.022', 3, 10, 2.8, -0.15),
    blurFilter('soft', 2),
    blurFilter('blur6', 6),
    blurFilter('blur14', 14),
    wobbleFilter('wobble', '0.004 0.08', 26, 3),
  ];
  const body: string[] = [];
  body.push(`<rect width="${W}" height="${HZ + 4}" fill="url(#sky)"/>`);
  body.push(`<circle cx="${sunX}" cy="925" r="640" fill="url(#sunGlow)"/>`);
  body.push(`<rect width="${W}" height="${HZ - 40}" fill="url(#cloudTint)" filter="url(#clouds)"/>`);
  body.push(`<circle cx="${sunX}" cy="922" r="44" fill="#fff3cf" filter="url(#soft)"/>`);
  // Birds over the water.
  for (let i = 0; i < 7; i++) {
    const x = between(r, 700, 1300);
    const y = between(r, 380, 560);
    const s = between(r, 7, 14);
    body.push(
      `<path d="M${n(x - s)},${n(y - s * 0.35)} Q${n(x - s * 0.4)},${n(y - s * 0.6)} ${n(x)},${n(y)} Q${n(x + s * 0.4)},${n(y - s * 0.6)} ${n(x + s)},${n(y - s * 0.3)}" stroke="#1b1428" stroke-width="2.2" fill="none"/>`,
    );
  }
  // Far shore on the right, the headland on the left with the town's first lights.
  body.push(`<path d="${ridge(r, 1080, W, HZ - 18, 10, HZ + 2)}" fill="url(#farland)"/>`);
  body.push(`<path d="${ridge(r, 0, 1120, HZ - 70, 60, HZ + 2, 12, 260)}" fill="url(#headland)"/>`);
  for (let i = 0; i < 60; i++) {
    const x = between(r, 30, 1040);
    const y = between(r, HZ - 26, HZ - 4);
    body.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(between(r, 1.2, 2.6))}" fill="#ffd892" opacity="${n(between(r, 0.5, 1))}"/>`);
  }
  // Container yard: stacks, cranes, lamps.
  const containers = ['#5b2f35', '#2f3f5e', '#6a4a2a', '#3d4a3a', '#5a5560', '#7a3a2a', '#254a52'];
  for (let x = 1690; x < W; x += 36) {
    const stack = 1 + Math.floor(r() * 4);
    for (let k = 0; k < stack; k++) {
      const y = HZ - 14 - k * 15;
      body.push(`<rect x="${x}" y="${y}" width="34" height="14" fill="${pick(r, containers)}" opacity=".92"/>`);
      body.push(`<rect x="${x}" y="${y}" width="34" height="2" fill="#f0a070" opacity=".35"/>`);
    }
  }
  for (const cx of [1830, 2000, 2170, 2330]) {
    const top = 760 + between(r, -10, 10);
    body.push(
      `<g stroke="#221a2e" fill="none">` +
        `<path d="M${cx - 30},${HZ} L${cx - 30},${n(top)} M${cx + 30},${HZ} L${cx + 30},${n(top)}" stroke-width="9"/>` +
        `<path d="M${cx - 30},${HZ - 60} L${cx + 30},${HZ - 60} M${cx - 30},${HZ - 60} L${cx + 30},${n(top + 30)} M${cx - 30},${n(top + 30)} L${cx + 30},${n(top + 30)}" stroke-width="4"/>` +
        `<path d="M${cx - 150},${n(top)} L${cx + 170},${n(top)}" stroke-width="10"/>` +
        `<path d="M${cx - 150},${n(top)} L${cx},${n(top - 70)} L${cx + 170},${n(top)} M${cx},${n(top - 70)} L${cx},${n(top)}" stroke-width="3"/>` +
        `</g>` +
        `<rect x="${cx - 22}" y="${n(top + 2)}" width="30" height="22" fill="#2e2438"/>` +
        `<circle cx="${cx}" cy="${n(top - 72)}" r="4" fill="#ff5a40"/>` +
        `<circle cx="${cx}" cy="${n(top - 72)}" r="22" fill="url(#lamp)" opacity=".5"/>`,
    );
  }
  for (const lx of [1720, 1905, 2090, 2250, 2390]) {
    body.push(`<circle cx="${lx}" cy="${HZ - 80}" r="46" fill="url(#lamp)" opacity=".55"/><circle cx="${lx}" cy="${HZ - 80}" r="3.5" fill="#fff6dc"/>`);
    body.push(`<path d="M${lx},${HZ - 78} L${lx},${HZ}" stroke="#1e1728" stroke-width="3"/>`);
  }
  body.push(`<rect y="${HZ - 70}" width="${W}" height="140" fill="url(#haze)" filter="url(#blur14)"/>`);
  // Water: colour, sky sheen in ripples, the sun's glitter path.
  body.push(`<rect y="${HZ}" width="${W}" height="${H - HZ}" fill="url(#sea)"/>`);
  body.push(`<rect y="${HZ}" width="${W}" height="260" fill="url(#sheen)" filter="url(#ripples)"/>`);
  body.push(`<rect y="${HZ + 200}" width="${W}" height="${H - HZ - 200}" fill="#d08a7e" opacity=".42" filter="url(#ripplesNear)"/>`);
  body.push(`<rect x="${sunX - 60}" y="${HZ}" width="120" height="420" fill="#ffcf8f" opacity=".22" filter="url(#blur14)"/>`);
  for (let i = 0; i < 420; i++) {
    const d = r() ** 1.5;
    const y = HZ + 4 + d * (H - HZ - 4);
    const spread = 30 + d * 520;
    const x = sunX + normal(r) * spread * 0.45;
    const len = 4 + d * 70 * r();
    const th = 1 + d * 5;
    const a = (1 - d) * 0.85 + 0.1;
    body.push(`<rect x="${n(x - len / 2)}" y="${n(y)}" width="${n(len)}" height="${n(th)}" rx="${n(th / 2)}" fill="#ffdca4" opacity="${op(a)}"/>`);
  }
  // Boats, far to near, each over its own reflection.
  const boats: [number, number, number, string, string][] = [
    [430, 1004, 0.34, '#2a2236', '#7a3a32'],
    [1170, 1036, 0.52, '#283048', '#c8b8a0'],
    [690, 1098, 0.86, '#2c2034', '#8e2f2a'],
    [2000, 1210, 1.3, '#1f2a3c', '#d8c9a8'],
  ];
  for (const [bx, by, s, hull, band] of boats) {
    const lit = [r() > 0.3, r() > 0.4, r() > 0.5];
    const drawing = fishingBoat(hull, band, lit);
    body.push(`<g transform="translate(${bx},${by}) scale(${s},${-s * 0.9})" opacity=".38" filter="url(#wobble)">${drawing}</g>`);
    body.push(`<g transform="translate(${bx},${by}) scale(${s})">${drawing}</g>`);
    body.push(`<ellipse cx="${bx}" cy="${by + 3}" rx="${n(150 * s)}" ry="${n(4 * s)}" fill="#ffd2a0" opacity=".18"/>`);
  }
  // Dinghy near the pier.
  body.push(
    `<path d="M1380,1372 L1560,1364 Q1552,1392 1520,1402 L1410,1404 Q1386,1392 1380,1372 Z" fill="#2a1f2c"/><path d="M1380,1372 L1560,1364 L1559,1370 L1382,1378 Z" fill="#b9774f"/>`,
  );
  body.push(`<path d="M1380,1404 L1560,1404" stroke="#ffcf98" stroke-opacity=".2" stroke-width="3"/>`);
  // The pier, lower left: deck, posts, lamps.
  body.push(`<path d="M0,1318 L860,1252 L860,1270 L0,1352 Z" fill="url(#deck)"/>`);
  body.push(`<path d="M0,1318 L860,1252" stroke="#c98a66" stroke-opacity=".55" stroke-width="3"/>`);
  for (let i = 0; i <= 14; i++) {
    const x = i * 60 + 8;
    const top = 1350 - (x / 860) * 84;
    const w = 14 - i * 0.4;
    body.push(`<rect x="${n(x)}" y="${n(top)}" width="${n(w)}" height="${n(70 - i * 2.4)}" fill="#1a1319"/>`);
    body.push(`<rect x="${n(x)}" y="${n(top + 70 - i * 2.4)}" width="${n(w)}" height="${n(60 - i * 2)}" fill="#1a1319" opacity=".35" filter="url(#blur6)"/>`);
  }
  for (const [lx, ly, h] of [
    [120, 1308, 240],
    [420, 1285, 196],
    [690, 1264, 160],
  ] as const) {
    body.push(`<path d="M${lx},${ly} L${lx},${ly - h}" stroke="#140f16" stroke-width="${n(h / 30)}"/>`);
    body.push(
      `<circle cx="${lx}" cy="${ly - h}" r="${n(h * 0.45)}" fill="url(#lamp)" opacity=".7"/><circle cx="${lx}" cy="${ly - h}" r="${n(h / 36)}" fill="#fffbe8"/>`,
    );
    body.push(`<ellipse cx="${lx + 8}" cy="${ly + 150 + h * 0.2}" rx="${n(h / 14)}" ry="${n(h * 0.4)}" fill="#ffc878" opacity=".3" filter="url(#blur6)"/>`);
  }
  const [vDef, vRect] = vignette(W, H, 0.55);
  defs.push(vDef);
  body.push(vRect);
  return svg(W, H, defs, body);
}

// ---------------------------------------------------------------------------------------------------
// 2. A cricket ground under floodlights: the far stand and its crowd, towers, the square, the fielders.

function cricketer(x: number, y: number, s: number, kit: string, legs: string, cap: string, shadows: number[]): string {
  const shadow = shadows
    .map((angle) => {
      const dx = Math.cos(angle) * 46 * s;
      const dy = Math.sin(angle) * 9 * s;
      return `<path d="M${n(x)},${n(y)} L${n(x + dx)},${n(y + dy)}" stroke="#0b2410" stroke-opacity=".32" stroke-width="${n(7 * s)}" stroke-linecap="round"/>`;
    })
    .join('');
  return (
    shadow +
    `<rect x="${n(x - 5 * s)}" y="${n(y - 26 * s)}" width="${n(4.5 * s)}" height="${n(26 * s)}" fill="${legs}"/>` +
    `<rect x="${n(x + 0.5 * s)}" y="${n(y - 26 * s)}" width="${n(4.5 * s)}" height="${n(26 * s)}" fill="${legs}"/>` +
    `<rect x="${n(x - 7 * s)}" y="${n(y - 50 * s)}" width="${n(14 * s)}" height="${n(26 * s)}" rx="${n(3 * s)}" fill="${kit}"/>` +
    `<rect x="${n(x + 2 * s)}" y="${n(y - 50 * s)}" width="${n(5 * s)}" height="${n(26 * s)}" rx="${n(2 * s)}" fill="#000" opacity=".12"/>` +
    `<circle cx="${n(x)}" cy="${n(y - 56 * s)}" r="${n(5.5 * s)}" fill="#b07a55"/>` +
    `<path d="M${n(x - 6 * s)},${n(y - 57 * s)} Q${n(x)},${n(y - 66 * s)} ${n(x + 6 * s)},${n(y - 57 * s)} L${n(x + 9 * s)},${n(y - 56 * s)} Z" fill="${cap}"/>`
  );
}

function cricket(): string {
  const W = 2400;
  const H = 1600;
  const r = seeded(2202);
  const top = (x: number): number => 430 + 170 * ((x - 1200) / 1200) ** 2;
  const bottom = (x: number): number => 720 + 250 * ((x - 1200) / 1200) ** 2;
  const curve = (f: (x: number) => number, dy = 0, from = 0, to = W, step = 40): string[] => {
    const pts: string[] = [];
    for (let x = from; x <= to; x += step) pts.push(`${n(x)},${n(f(x) + dy)}`);
    return pts;
  };
  const standPath = `M${curve(top).join(' L')} L${curve(bottom).reverse().join(' L')} Z`;
  const roofPath = `M${curve(top, -70).join(' L')} L${curve(top, 6).reverse().join(' L')} Z`;
  const fieldPath = `M${curve(bottom).join(' L')} L${W},${H} L0,${H} Z`;
  const defs: string[] = [
    gradient('sky', [
      [0, '#060b20'],
      [0.5, '#14244f'],
      [0.85, '#34508a'],
      [1, '#5d78a8'],
    ]),
    gradient('grass', [
      [0, '#2c6a33'],
      [0.4, '#3b8c42'],
      [1, '#2f7a38'],
    ]),
    gradient('standShade', [
      [0, '#000', 0.62],
      [0.55, '#000', 0.25],
      [1, '#000', 0.08],
    ]),
    gradient('pitch', [
      [0, '#bfa878'],
      [1, '#d3bd8c'],
    ]),
    radial('flood', [
      [0, '#fffbe6', 1],
      [0.08, '#fff3c8', 0.75],
      [0.3, '#f4e2b0', 0.22],
      [1, '#f4e2b0', 0],
    ]),
    radial(
      'pool',
      [
        [0, '#fffbe0', 0.16],
        [1, '#fffbe0', 0],
      ],
      { cx: 1200, cy: 1060, r: 900 },
    ),
    `<clipPath id="stand"><path d="${standPath}"/></clipPath>`,
    `<clipPath id="field"><path d="${fieldPath}"/></clipPath>`,
    `<filter id="crowd" x="0" y="0" width="100%" height="100%"><feTurbulence type="turbulence" baseFrequency="0.21 0.16" numOctaves="1" seed="21" result="t"/>` +
      `<feColorMatrix in="t" type="matrix" values="2.3 0.4 0 0 -0.05  0.2 1.9 0.3 0 -0.05  0.4 0 2.1 0 -0.02  0 0 0 0 1"/></filter>`,
    `<filter id="grain" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.004 0.06" numOctaves="3" seed="5" result="t"/>` +
      `<feColorMatrix in="t" type="matrix" values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  0.8 0 0 0 -0.25"/></filter>`,
    `<filter id="wear" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.03 0.08" numOctaves="3" seed="6" result="t"/>` +
      `<feColorMatrix in="t" type="matrix" values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  1.2 0 0 0 -0.4"/></filter>`,
    blurFilter('blur3', 3),
    blurFilter('blur30', 30),
  ];
  const body: string[] = [];
  body.push(`<rect width="${W}" height="620" fill="url(#sky)"/>`);
  // Floodlight towers behind the far stand, and the light they throw into the evening haze.
  const heads: [number, number][] = [
    [330, 120],
    [2070, 120],
    [900, 250],
    [1560, 240],
  ];
  for (const [hx, hy] of heads) {
    const far = hy > 200;
    const wide = far ? 22 : 34;
    body.push(`<path d="M${hx - wide},700 L${hx - 6},${hy + 40} L${hx + 6},${hy + 40} L${hx + wide},700 Z" fill="#1b2030"/>`);
    for (let y = hy + 80; y < 640; y += far ? 42 : 56) {
      body.push(
        `<path d="M${hx - wide * ((y - hy) / (700 - hy))},${y} L${hx + wide * ((y - hy + 40) / (700 - hy))},${y + 40}" stroke="#2a3144" stroke-width="3"/>`,
      );
    }
  }
  for (const [hx, hy] of heads) {
    const far = hy > 200;
    body.push(
      `<path d="M${hx - 40},${hy + 40} L${hx - 420},1300 L${hx + 420},1300 L${hx + 40},${hy + 40} Z" fill="#fff4cf" opacity="${far ? 0.035 : 0.05}" filter="url(#blur30)"/>`,
    );
  }
  for (const [hx, hy] of heads) {
    const far = hy > 200;
    const cols = far ? 6 : 8;
    const rows = far ? 3 : 4;
    const cell = far ? 15 : 22;
    const w = cols * cell;
    const h = rows * cell;
    body.push(`<circle cx="${hx}" cy="${hy}" r="${far ? 300 : 460}" fill="url(#flood)"/>`);
    body.push(`<rect x="${hx - w / 2 - 6}" y="${hy - h / 2 - 6}" width="${w + 12}" height="${h + 12}" fill="#262b38"/>`);
    for (let i = 0; i < cols; i++) {
      for (let j = 0; j < rows; j++) {
        body.push(`<rect x="${hx - w / 2 + i * cell + 2}" y="${hy - h / 2 + j * cell + 2}" width="${cell - 4}" height="${cell - 4}" rx="3" fill="#fffdf2"/>`);
      }
    }
  }
  // The far stand: roof with its light strip, crowd in tiers, concourses, advertising boards.
  body.push(`<path d="${roofPath}" fill="#121724"/>`);
  body.push(`<path d="M${curve(top, -4).join(' L')}" stroke="#fff2c8" stroke-width="4" stroke-dasharray="18 10" fill="none" opacity=".9"/>`);
  body.push(`<g clip-path="url(#stand)"><rect y="380" width="${W}" height="640" fill="#3a3f4c" filter="url(#crowd)"/>`);
  body.push(`<rect y="380" width="${W}" height="640" fill="#1c2233" opacity=".28"/>`);
  for (const t of [0.36, 0.7]) {
    body.push(`<path d="M${curve((x) => top(x) + (bottom(x) - top(x)) * t).join(' L')}" stroke="#262a34" stroke-width="${n(12 + t * 10)}" fill="none"/>`);
  }
  body.push(`<path d="${standPath}" fill="url(#standShade)"/></g>`);
  const boards = ['#0d5bd7', '#e8e3d4', '#d6262b', '#0f8f55', '#f2b705', '#16223f', '#e8e3d4', '#7b2bbf'];
  for (let x = 0, k = 0; x < W; x += 150, k++) {
    const x2 = Math.min(x + 150, W);
    body.push(
      `<path d="M${x},${n(bottom(x) - 30)} L${x2},${n(bottom(x2) - 30)} L${x2},${n(bottom(x2))} L${x},${n(bottom(x))} Z" fill="${boards[k % boards.length]}"/>`,
    );
    body.push(`<path d="M${x + 20},${n(bottom(x + 20) - 19)} L${x2 - 24},${n(bottom(x2 - 24) - 19)}" stroke="#fff" stroke-opacity=".55" stroke-width="6"/>`);
  }
  // Scoreboard on the roof.
  body.push(`<rect x="1640" y="296" width="330" height="150" fill="#0b0d14" stroke="#2c3140" stroke-width="6"/>`);
  for (let row = 0; row < 4; row++) {
    for (let c = 0; c < 9; c++) {
      if (r() < 0.25) continue;
      const amber = row === 0 || c > 6;
      body.push(
        `<rect x="${1658 + c * 34}" y="${312 + row * 32}" width="${amber ? 24 : 28}" height="18" fill="${amber ? '#ffb347' : '#f3f1e6'}" opacity="${op(between(r, 0.75, 1))}"/>`,
      );
    }
  }
  // Sightscreen behind the far wicket.
  body.push(`<rect x="1105" y="640" width="190" height="82" fill="#eceae2"/>`);
  // The outfield: grass, mowing stripes converging on the far end, the floodlit pool, rope, circle.
  body.push(`<path d="${fieldPath}" fill="url(#grass)"/>`);
  body.push(`<g clip-path="url(#field)">`);
  const vx = 1200;
  const vy = -700;
  for (let k = 0; k < 24; k++) {
    const xa = -2200 + k * 280;
    const xb = xa + 280;
    body.push(`<path d="M${vx},${vy} L${xa},${H} L${xb},${H} Z" fill="${k % 2 ? '#fff' : '#000'}" opacity=".055"/>`);
  }
  body.push(`<rect y="700" width="${W}" height="900" fill="#1d4a20" opacity=".6" filter="url(#grain)"/>`);
  body.push(`<rect y="700" width="${W}" height="900" fill="url(#pool)"/>`);
  body.push(`</g>`);
  body.push(`<path d="M${curve(bottom, 26).join(' L')}" stroke="#f4f4ee" stroke-width="4" fill="none" opacity=".85"/>`);
  body.push(`<ellipse cx="1200" cy="1080" rx="700" ry="250" stroke="#f4f4ee" stroke-width="3" stroke-dasharray="4 22" fill="none" opacity=".8"/>`);
  // The square and the pitch: a worn strip, creases, stumps.
  body.push(`<path d="M1080,880 L1320,880 L1370,1280 L1030,1280 Z" fill="#4d9a4f" opacity=".45"/>`);
  body.push(`<path d="M1158,900 L1242,900 L1268,1236 L1132,1236 Z" fill="url(#pitch)"/>`);
  body.push(`<path d="M1158,900 L1242,900 L1268,1236 L1132,1236 Z" fill="#6b5634" filter="url(#wear)" opacity=".7"/>`);
  body.push(`<path d="M1150,914 L1250,914 M1140,1218 L1260,1218 M1153,904 L1247,904 M1136,1230 L1264,1230" stroke="#fbfaf3" stroke-width="2.5"/>`);
  body.push(
    `<path d="M1195,904 L1195,890 M1200,904 L1200,890 M1205,904 L1205,890 M1193,1230 L1193,1210 M1200,1230 L1200,1210 M1207,1230 L1207,1210" stroke="#f3e4bf" stroke-width="2"/>`,
  );
  // Players: fielders, bowler, batters and umpires, scaled by distance, with four floodlight shadows each.
  const shadowAngles = [0.5, 2.6, -0.4, 3.6];
  const people: [number, number, string, string, string][] = [
    [1200, 1296, '#f3f1ea', '#eeeae0', '#1c2a5a'], // keeper... near end
    [1178, 1240, '#f3f1ea', '#eeeae0', '#20264a'], // batter (striker)
    [1228, 906, '#f3f1ea', '#eeeae0', '#20264a'], // non-striker
    [1262, 930, '#1c1c24', '#26262e', '#f3f1ea'], // umpire, bowler's end
    [1240, 850, '#f3f1ea', '#eeeae0', '#0f6b3a'], // bowler running in
    [1300, 1300, '#f3f1ea', '#eeeae0', '#0f6b3a'], // slip
    [1345, 1290, '#f3f1ea', '#eeeae0', '#0f6b3a'], // gully
    [860, 1180, '#f3f1ea', '#eeeae0', '#0f6b3a'], // point
    [1560, 1120, '#f3f1ea', '#eeeae0', '#0f6b3a'], // square leg
    [1700, 1260, '#1c1c24', '#26262e', '#f3f1ea'], // square-leg umpire
    [620, 980, '#f3f1ea', '#eeeae0', '#0f6b3a'], // cover
    [1850, 960, '#f3f1ea', '#eeeae0', '#0f6b3a'], // midwicket
    [1010, 790, '#f3f1ea', '#eeeae0', '#0f6b3a'], // mid-off deep
    [1460, 800, '#f3f1ea', '#eeeae0', '#0f6b3a'], // mid-on deep
    [260, 1220, '#f3f1ea', '#eeeae0', '#0f6b3a'], // third man-ish
    [2160, 1190, '#f3f1ea', '#eeeae0', '#0f6b3a'], // fine leg
  ];
  people.sort((a, b) => a[1] - b[1]);
  for (const [px, py, kit, legs, cap] of people) {
    const s = 0.55 + ((py - 760) / 840) * 1.5;
    body.push(cricketer(px, py, s, kit, legs, cap, shadowAngles));
  }
  const [vDef, vRect] = vignette(W, H, 0.5);
  defs.push(vDef);
  body.push(vRect);
  return svg(W, H, defs, body);
}

// ---------------------------------------------------------------------------------------------------
// 3. A solar farm, portrait: panel rows either side of a track running to the hills, a weather mast,
//    and a technician in orange at an inverter cabinet. The technician and cabinet are the picture's
//    point of interest: about (1090, 1550) of 1600×2400, the `poi` that ninjs3-solar.json declares.

/** Where the technician's group is drawn: the technician stands left of this point, the cabinet right. */
const TECHNICIAN = { x: 1040, y: 1560 };

function solar(): string {
  const W = 1600;
  const H = 2400;
  const HZ = 1050;
  const r = seeded(3303);
  const vx = 800;
  const defs: string[] = [
    gradient('sky', [
      [0, '#1a56a4'],
      [0.45, '#4f93d6'],
      [0.85, '#a9d0ef'],
      [1, '#dbeaf3'],
    ]),
    gradient('cloudTint', [
      [0, '#ffffff', 0],
      [0.25, '#ffffff', 0.55],
      [0.6, '#f4f7fb', 0.95],
      [1, '#d7e0ea', 0.9],
    ]),
    radial('sunCore', [
      [0, '#ffffff', 1],
      [0.2, '#ffffff', 1],
      [0.3, '#fffbe6', 0.7],
      [0.55, '#fff3c4', 0.2],
      [1, '#fff3c4', 0],
    ]),
    gradient('ground', [
      [0, '#c2ad7d'],
      [0.3, '#a88f5c'],
      [1, '#7d6438'],
    ]),
    gradient('panel', [
      [0, '#6f8fb8'],
      [0.18, '#2b4a78'],
      [0.6, '#14284a'],
      [1, '#0c1a33'],
    ]),
    gradient('track', [
      [0, '#d9c7a0'],
      [1, '#b59a6a'],
    ]),
    gradient('hill1', [
      [0, '#8ea5bb'],
      [1, '#9fb3c4'],
    ]),
    gradient('hill2', [
      [0, '#6f8598'],
      [1, '#8a9aa6'],
    ]),
    radial(
      'sun',
      [
        [0, '#ffffff', 1],
        [0.06, '#fffbe8', 0.95],
        [0.25, '#fff3c4', 0.35],
        [1, '#fff3c4', 0],
      ],
      { cx: 470, cy: 430, r: 760 },
    ),
    maskFilter('clouds', 'fractalNoise', '0.0032 0.0085', 5, 14, 3.6, -1.7),
    `<filter id="dirt" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.012 0.04" numOctaves="4" seed="8" result="t"/>` +
      `<feColorMatrix in="t" type="matrix" values="0 0 0 0 0.28  0 0 0 0 0.2  0 0 0 0 0.1  1.4 0 0 0 -0.45"/></filter>`,
    blurFilter('blur2', 2),
    blurFilter('blur8', 8),
  ];
  const body: string[] = [];
  body.push(`<rect width="${W}" height="${HZ + 4}" fill="url(#sky)"/>`);
  body.push(`<circle cx="470" cy="430" r="760" fill="url(#sun)"/>`);
  body.push(`<rect width="${W}" height="${HZ - 20}" fill="url(#cloudTint)" filter="url(#clouds)"/>`);
  body.push(`<circle cx="470" cy="430" r="260" fill="url(#sunCore)"/>`);
  body.push(`<path d="${ridge(r, 0, W, HZ - 60, 46, HZ + 2, 10)}" fill="url(#hill1)"/>`);
  body.push(`<path d="${ridge(r, 0, W, HZ - 22, 22, HZ + 2, 10)}" fill="url(#hill2)"/>`);
  // Distant power line.
  for (const px of [140, 520, 1180, 1500]) {
    body.push(
      `<path d="M${px - 9},${HZ - 4} L${px},${HZ - 54} L${px + 9},${HZ - 4} M${px - 16},${HZ - 44} L${px + 16},${HZ - 44}" stroke="#56606c" stroke-width="2.4" fill="none"/>`,
    );
  }
  body.push(
    `<path d="M0,${HZ - 36} Q330,${HZ - 20} 520,${HZ - 43} Q850,${HZ - 22} 1180,${HZ - 43} Q1350,${HZ - 28} 1600,${HZ - 40}" stroke="#56606c" stroke-width="1.4" fill="none"/>`,
  );
  body.push(`<rect y="${HZ}" width="${W}" height="${H - HZ}" fill="url(#ground)"/>`);
  body.push(`<rect y="${HZ}" width="${W}" height="${H - HZ}" fill="#000" filter="url(#dirt)"/>`);
  // The track to the hills.
  const trackAt = (y: number): [number, number] => {
    const t = (y - HZ) / (H - HZ);
    const half = 8 + t * 330;
    const centre = vx - 40 * t;
    return [centre - half, centre + half];
  };
  const [tl, tr] = trackAt(H);
  body.push(`<path d="M${vx},${HZ} L${W},${n(HZ + (W - vx) / 0.92)} L${W},${H} L${n(tr)},${H} Z" fill="#bcae90"/>`);
  body.push(`<path d="M${vx},${HZ} L${W},${n(HZ + (W - vx) / 0.92)} L${W},${H} L${n(tr)},${H} Z" fill="#000" opacity=".7" filter="url(#dirt)"/>`);
  body.push(`<path d="M${vx - 8},${HZ} L${vx + 8},${HZ} L${n(tr)},${H} L${n(tl)},${H} Z" fill="url(#track)"/>`);
  body.push(
    `<path d="M${vx - 2},${HZ} L${n((tl + tr) / 2 - 90)},${H} M${vx + 2},${HZ} L${n((tl + tr) / 2 + 90)},${H}" stroke="#8f7750" stroke-opacity=".45" stroke-width="16" fill="none" filter="url(#blur2)"/>`,
  );
  // Panel rows, far to near: depth z gives each row's place and size on screen. On the right, the rows
  // stop at a gravel pad (its edge runs to the vanishing point) where the inverter and the mast stand.
  const f = 560;
  const padEdge = (y: number): number => vx + 0.92 * (y - HZ);
  for (let z = 60; z >= 0.42; z /= 1.16) {
    const yb = HZ + f / z;
    const ph = 280 / z;
    const yt = yb - ph;
    const gap = 120 / z;
    const [lEdge, rEdge] = trackAt(yb + 20 / z);
    const lx = lEdge - gap;
    const rx = Math.max(rEdge + gap, padEdge(yb));
    // Shadow band behind the row, legs, then the panel face.
    body.push(`<rect x="0" y="${n(yb)}" width="${n(lx)}" height="${n(ph * 0.45)}" fill="#3b2d18" opacity=".45"/>`);
    const right = rx < W;
    if (right) body.push(`<rect x="${n(rx)}" y="${n(yb)}" width="${n(W - rx)}" height="${n(ph * 0.45)}" fill="#3b2d18" opacity=".45"/>`);
    body.push(
      `<path d="M0,${n(yt)} L${n(lx)},${n(yt)} L${n(lx)},${n(yb)} L0,${n(yb)} Z${right ? ` M${n(rx)},${n(yt)} L${W},${n(yt)} L${W},${n(yb)} L${n(rx)},${n(yb)} Z` : ''}" fill="url(#panel)"/>`,
    );
    if (ph > 3) {
      const module = 170 / z;
      const lines: string[] = [];
      for (let x = lx - module; x > 0; x -= module) lines.push(`M${n(x)},${n(yt)} L${n(x)},${n(yb)}`);
      for (let x = rx + module; x < W; x += module) lines.push(`M${n(x)},${n(yt)} L${n(x)},${n(yb)}`);
      lines.push(`M0,${n(yt + ph / 2)} L${n(lx)},${n(yt + ph / 2)}${right ? ` M${n(rx)},${n(yt + ph / 2)} L${W},${n(yt + ph / 2)}` : ''}`);
      body.push(`<path d="${lines.join(' ')}" stroke="#9fb6d2" stroke-opacity=".55" stroke-width="${n(Math.max(0.6, 7 / z))}"/>`);
      body.push(
        `<path d="M0,${n(yt)} L${n(lx)},${n(yt)}${right ? ` M${n(rx)},${n(yt)} L${W},${n(yt)}` : ''}" stroke="#e6eef7" stroke-opacity=".8" stroke-width="${n(Math.max(0.8, 9 / z))}"/>`,
      );
      const legH = ph * 0.3;
      for (let x = lx - module * 1.5; x > 0; x -= module * 3)
        body.push(`<rect x="${n(x)}" y="${n(yb)}" width="${n(12 / z)}" height="${n(legH)}" fill="#4a4e55"/>`);
      for (let x = rx + module * 1.5; x < W; x += module * 3)
        body.push(`<rect x="${n(x)}" y="${n(yb)}" width="${n(12 / z)}" height="${n(legH)}" fill="#4a4e55"/>`);
    }
  }
  // Weather mast on the right.
  body.push(
    `<path d="M1300,1780 L1300,620" stroke="#d8dde2" stroke-width="7"/><path d="M1300,1780 L1300,620" stroke="#6b737c" stroke-width="2.5" stroke-dasharray="30 30"/>`,
  );
  body.push(`<path d="M1300,660 L1380,660 M1300,760 L1230,760 M1300,640 L1300,600" stroke="#b6bec6" stroke-width="4"/>`);
  body.push(`<rect x="1372" y="646" width="22" height="12" fill="#e9ecef"/><circle cx="1230" cy="752" r="9" fill="#f2f4f6"/>`);
  body.push(`<path d="M1300,700 L1170,1780 M1300,700 L1430,1780" stroke="#c8ced4" stroke-width="1.2" opacity=".8"/>`);
  // Inverter cabinet and the technician (point of interest).
  const { x: px, y: py } = TECHNICIAN;
  body.push(`<ellipse cx="${px + 30}" cy="${py + 116}" rx="170" ry="18" fill="#3a2a14" opacity=".45" filter="url(#blur8)"/>`);
  body.push(
    `<rect x="${px + 20}" y="${py - 120}" width="190" height="230" fill="#eef0ec"/><rect x="${px + 170}" y="${py - 120}" width="40" height="230" fill="#c9cdc8"/>`,
  );
  body.push(
    `<rect x="${px + 40}" y="${py - 90}" width="110" height="70" fill="#cfd4cf"/><rect x="${px + 52}" y="${py - 80}" width="26" height="16" fill="#2a3a4a"/><circle cx="${px + 120}" cy="${py - 72}" r="6" fill="#36c25a"/>`,
  );
  body.push(
    `<path d="M${px + 40},${py - 4} L${px + 150},${py - 4} M${px + 40},${py + 14} L${px + 150},${py + 14} M${px + 40},${py + 32} L${px + 150},${py + 32}" stroke="#b2b8b2" stroke-width="5"/>`,
  );
  body.push(`<rect x="${px + 14}" y="${py + 104}" width="202" height="14" fill="#8b8d86"/>`);
  // The technician: boots, trousers, hi-vis vest with reflective bands, white hard hat, an arm to the panel.
  body.push(
    `<rect x="${px - 52}" y="${py + 40}" width="20" height="74" fill="#2d3340"/><rect x="${px - 28}" y="${py + 40}" width="20" height="74" fill="#353c4a"/>`,
  );
  body.push(
    `<rect x="${px - 56}" y="${py + 108}" width="26" height="12" rx="4" fill="#3a2a1a"/><rect x="${px - 30}" y="${py + 108}" width="26" height="12" rx="4" fill="#3a2a1a"/>`,
  );
  body.push(`<path d="M${px - 60},${py - 50} Q${px - 30},${py - 64} ${px},${py - 50} L${px + 2},${py + 44} L${px - 62},${py + 44} Z" fill="#ff7a12"/>`);
  body.push(`<path d="M${px - 61},${py + 2} L${px + 1},${py + 2} M${px - 61},${py + 22} L${px + 1},${py + 22}" stroke="#f4f2e8" stroke-width="6"/>`);
  body.push(`<path d="M${px},${py - 44} Q${px + 22},${py - 40} ${px + 52},${py - 64}" stroke="#ff8a2a" stroke-width="14" stroke-linecap="round" fill="none"/>`);
  body.push(`<circle cx="${px - 30}" cy="${py - 78}" r="17" fill="#9a6a48"/>`);
  body.push(`<path d="M${px - 50},${py - 82} Q${px - 30},${py - 112} ${px - 8},${py - 82} L${px - 2},${py - 80} L${px - 54},${py - 80} Z" fill="#fbfbf6"/>`);
  const [vDef, vRect] = vignette(W, H, 0.3);
  defs.push(vDef);
  body.push(vRect);
  return svg(W, H, defs, body);
}

// ---------------------------------------------------------------------------------------------------
// 4. A trading floor: a video wall of charts and tickers, desks of monitors, traders in silhouette.

function lineChart(r: Rand, x: number, y: number, w: number, h: number, up: boolean, id: string): [string, string] {
  const steps = 48;
  let v = 0;
  const values: number[] = [];
  for (let i = 0; i <= steps; i++) {
    v += r() - (up ? 0.4 : 0.6);
    values.push(v);
  }
  const lo = Math.min(...values);
  const span = Math.max(...values) - lo || 1;
  const pts = values.map((value, i): [number, number] => [x + (w * i) / steps, y + h * (0.88 - (0.76 * (value - lo)) / span)]);
  const colour = up ? '#2fe08a' : '#ff4d5e';
  const line = pts.map(([a, b]) => `${n(a)},${n(b)}`).join(' L');
  const def = gradient(id, [
    [0, colour, 0.45],
    [1, colour, 0],
  ]);
  return [
    def,
    `<path d="M${n(x)},${n(y + h)} L${line} L${n(x + w)},${n(y + h)} Z" fill="url(#${id})"/>` +
      `<path d="M${line}" stroke="${colour}" stroke-width="3" fill="none"/>` +
      `<path d="M${n(x)},${n(y + h * 0.5)} L${n(x + w)},${n(y + h * 0.5)}" stroke="#8fa3c7" stroke-opacity=".25" stroke-width="1.5" stroke-dasharray="6 6"/>`,
  ];
}

function candles(r: Rand, x: number, y: number, w: number, h: number): string {
  const count = 22;
  const step = w / count;
  let v = 0;
  const bars: [number, number, number, number][] = [];
  for (let i = 0; i < count; i++) {
    const open = v;
    v += (r() - 0.47) * 2;
    bars.push([open, v, Math.max(open, v) + r() * 0.7, Math.min(open, v) - r() * 0.7]);
  }
  const least = Math.min(...bars.map((b) => b[3]));
  const span = Math.max(...bars.map((b) => b[2])) - least || 1;
  const at = (value: number): number => 0.1 + (0.8 * (value - least)) / span;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const [o, c, h2, l2] = bars[i]!;
    const open = at(o);
    const close = at(c);
    const hi = at(h2);
    const lo = at(l2);
    const colour = close >= open ? '#2fe08a' : '#ff4d5e';
    const cx = x + step * (i + 0.5);
    out.push(`<path d="M${n(cx)},${n(y + h * (1 - hi))} L${n(cx)},${n(y + h * (1 - lo))}" stroke="${colour}" stroke-width="1.6"/>`);
    const top = y + h * (1 - Math.max(open, close));
    out.push(
      `<rect x="${n(cx - step * 0.32)}" y="${n(top)}" width="${n(step * 0.64)}" height="${n(Math.max(2, h * Math.abs(close - open)))}" fill="${colour}"/>`,
    );
  }
  return out.join('');
}

function heatmap(r: Rand, x: number, y: number, w: number, h: number): string {
  const cols = 8;
  const rows = 5;
  const out: string[] = [];
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < rows; j++) {
      const c = r();
      const colour =
        c > 0.5
          ? `rgb(${Math.round(20 + 30 * c)},${Math.round(110 + 130 * (c - 0.5) * 2)},${Math.round(70 + 40 * c)})`
          : `rgb(${Math.round(120 + 130 * (0.5 - c) * 2)},${Math.round(40 + 30 * c)},${Math.round(50 + 20 * c)})`;
      out.push(
        `<rect x="${n(x + (w / cols) * i + 2)}" y="${n(y + (h / rows) * j + 2)}" width="${n(w / cols - 4)}" height="${n(h / rows - 4)}" fill="${colour}"/>`,
      );
    }
  }
  return out.join('');
}

function tickerRows(r: Rand, x: number, y: number, w: number, h: number): string {
  const out: string[] = [];
  const rows = 7;
  for (let j = 0; j < rows; j++) {
    const ry = y + 8 + (j * (h - 16)) / rows;
    const up = r() > 0.45;
    out.push(`<rect x="${n(x + 10)}" y="${n(ry)}" width="${n(w * between(r, 0.18, 0.3))}" height="10" fill="#dfe7f5" opacity=".85"/>`);
    out.push(`<rect x="${n(x + w * 0.45)}" y="${n(ry)}" width="${n(w * between(r, 0.14, 0.2))}" height="10" fill="#dfe7f5" opacity=".6"/>`);
    out.push(`<rect x="${n(x + w * 0.74)}" y="${n(ry)}" width="${n(w * between(r, 0.12, 0.2))}" height="10" fill="${up ? '#2fe08a' : '#ff4d5e'}"/>`);
  }
  return out.join('');
}

function monitor(r: Rand, x: number, y: number, w: number, h: number, id: string, defs: string[]): string {
  const kind = r();
  let content: string;
  if (kind < 0.5) {
    const [def, chart] = lineChart(r, x + w * 0.06, y + h * 0.12, w * 0.88, h * 0.76, r() > 0.4, id);
    defs.push(def);
    content = chart;
  } else if (kind < 0.8) {
    content = candles(r, x + w * 0.06, y + h * 0.12, w * 0.88, h * 0.76);
  } else {
    content = tickerRows(r, x, y, w, h);
  }
  return `<rect x="${n(x - 4)}" y="${n(y - 4)}" width="${n(w + 8)}" height="${n(h + 8)}" rx="3" fill="#04060a"/><rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="#0a1426"/>${content}`;
}

/** A trader seen from behind: a dark silhouette, its top edge lit by the screens in front. */
function trader(x: number, y: number, s: number, rim: string): string {
  const p = (dx: number, dy: number): string => `${n(x + dx * s)},${n(y + dy * s)}`;
  const shoulders = `M${p(-80, 160)} C${p(-78, 80)} ${p(-56, 52)} ${p(-15, 46)} L${p(-11, 22)} L${p(11, 22)} L${p(15, 46)} C${p(56, 52)} ${p(78, 80)} ${p(80, 160)} Z`;
  const head = `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(23 * s)}" ry="${n(28 * s)}"/><path d="M${p(-22, -8)} Q${p(-20, -34)} ${p(0, -32)} Q${p(22, -32)} ${p(23, -6)} Z"/>`;
  return (
    `<g fill="${rim}" opacity=".55" filter="url(#rim)" transform="translate(0,${n(-3.5 * s)})"><path d="${shoulders}"/>${head}</g>` +
    `<g fill="#05070c"><path d="${shoulders}"/>${head}</g>`
  );
}

function markets(): string {
  const W = 2400;
  const H = 1600;
  const r = seeded(4404);
  const defs: string[] = [
    gradient('room', [
      [0, '#050812'],
      [0.5, '#0b1426'],
      [1, '#070a12'],
    ]),
    gradient('floor', [
      [0, '#101a2c'],
      [1, '#05070c'],
    ]),
    gradient('desk', [
      [0, '#2a3140'],
      [0.08, '#161b26'],
      [1, '#0a0d14'],
    ]),
    gradient('panelBg', [
      [0, '#0d1a33'],
      [1, '#081022'],
    ]),
    radial('ceilingLamp', [
      [0, '#f2f6ff', 1],
      [0.25, '#c8d8ff', 0.5],
      [1, '#8aa8ff', 0],
    ]),
    blurFilter('bloom', 22),
    blurFilter('blur12', 12),
    blurFilter('blur5', 5),
    blurFilter('rim', 2.5),
    `<clipPath id="floorClip"><rect y="770" width="${W}" height="300"/></clipPath>`,
  ];
  // The video wall, defined once, drawn sharp, bloomed and reflected in the floor.
  const wall: string[] = [];
  const cols = 6;
  const rows = 3;
  const wx = 160;
  const wy = 120;
  const pw = 335;
  const ph = 200;
  const gapX = 14;
  const gapY = 14;
  wall.push(
    `<rect x="${wx - 20}" y="${wy - 20}" width="${cols * pw + (cols - 1) * gapX + 40}" height="${rows * ph + (rows - 1) * gapY + 40}" fill="#03050a"/>`,
  );
  let chartId = 0;
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const x = wx + i * (pw + gapX);
      const y = wy + j * (ph + gapY);
      wall.push(`<rect x="${x}" y="${y}" width="${pw}" height="${ph}" fill="url(#panelBg)"/>`);
      const kind = (i * 7 + j * 3 + Math.floor(r() * 3)) % 5;
      if (kind === 0 || kind === 3) {
        const [def, chart] = lineChart(r, x + 16, y + 30, pw - 32, ph - 46, r() > 0.45, `wallArea${chartId++}`);
        defs.push(def);
        wall.push(chart);
      } else if (kind === 1) {
        wall.push(candles(r, x + 14, y + 26, pw - 28, ph - 40));
      } else if (kind === 2) {
        wall.push(heatmap(r, x + 10, y + 26, pw - 20, ph - 36));
      } else {
        wall.push(tickerRows(r, x, y + 20, pw, ph - 20));
      }
      wall.push(`<rect x="${x + 12}" y="${y + 8}" width="${n(between(r, 60, 140))}" height="10" fill="#dfe7f5" opacity=".8"/>`);
    }
  }
  // Ticker band under the wall.
  const tickerY = wy + rows * (ph + gapY) + 6;
  wall.push(`<rect x="${wx}" y="${tickerY}" width="${cols * pw + (cols - 1) * gapX}" height="38" fill="#0b0f1a"/>`);
  for (let x = wx + 10; x < wx + cols * (pw + gapX) - 120; x += between(r, 120, 180)) {
    const up = r() > 0.45;
    wall.push(`<rect x="${n(x)}" y="${tickerY + 12}" width="${n(between(r, 40, 70))}" height="14" fill="#e7edf8" opacity=".85"/>`);
    wall.push(`<rect x="${n(x + 78)}" y="${tickerY + 12}" width="${n(between(r, 24, 34))}" height="14" fill="${up ? '#2fe08a' : '#ff4d5e'}"/>`);
  }
  defs.push(`<g id="wall">${wall.join('')}</g>`);

  const body: string[] = [];
  body.push(`<rect width="${W}" height="${H}" fill="url(#room)"/>`);
  // Ceiling and its lamps.
  body.push(`<rect width="${W}" height="96" fill="#04060b"/>`);
  for (let x = 90; x < W; x += 190) {
    body.push(`<ellipse cx="${x}" cy="52" rx="60" ry="22" fill="url(#ceilingLamp)"/><ellipse cx="${x}" cy="52" rx="16" ry="5" fill="#fbfdff"/>`);
  }
  body.push(`<rect y="770" width="${W}" height="${H - 770}" fill="url(#floor)"/>`);
  body.push(
    `<g clip-path="url(#floorClip)"><use xlink:href="#wall" href="#wall" transform="translate(0,1540) scale(1,-1)" opacity=".22" filter="url(#blur12)"/></g>`,
  );
  body.push(`<use xlink:href="#wall" href="#wall" filter="url(#bloom)" opacity=".7"/>`);
  body.push(`<use xlink:href="#wall" href="#wall"/>`);
  // Back row of desks: small monitors, traders.
  const rims = ['#5fd0ff', '#7ef0b0', '#9fb6ff'];
  const backY = 880;
  for (let x = 60; x < W - 60; x += 300) {
    for (let k = 0; k < 3; k++) body.push(monitor(r, x + k * 86, backY, 78, 52, `backChart${chartId++}`, defs));
    body.push(trader(x + 130 + between(r, -20, 20), backY + 58, 0.55, pick(r, rims)));
  }
  body.push(`<path d="M0,966 L${W},966 L${W},1010 L0,1010 Z" fill="url(#desk)"/>`);
  // Front row: big monitors, two traders seen from behind, desk edge.
  const frontY = 1060;
  const spots = [
    [70, 1],
    [420, 1],
    [1330, 1],
    [1690, 1],
    [2040, 0],
  ] as const;
  for (const [x] of spots) {
    body.push(monitor(r, x, frontY, 300, 190, `frontChart${chartId++}`, defs));
  }
  body.push(monitor(r, 780, frontY + 20, 240, 160, `frontChart${chartId++}`, defs));
  body.push(monitor(r, 1040, frontY + 20, 240, 160, `frontChart${chartId++}`, defs));
  body.push(`<path d="M0,1270 L${W},1270 L${W},1600 L0,1600 Z" fill="url(#desk)"/>`);
  body.push(`<path d="M0,1272 L${W},1272" stroke="#4d5a74" stroke-width="3" opacity=".8"/>`);
  body.push(trader(560, 1150, 1.9, '#5fd0ff'));
  body.push(trader(1520, 1180, 2.1, '#7ef0b0'));
  // Out-of-focus lights in the foreground.
  for (let i = 0; i < 16; i++) {
    const left = i % 2 === 0;
    const x = left ? between(r, -40, 420) : between(r, 1980, 2440);
    const y = between(r, 1330, 1640);
    const colour = pick(r, ['#2fe08a', '#5fd0ff', '#ff4d5e', '#ffd27a']);
    const rad = between(r, 26, 80);
    body.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(rad)}" fill="${colour}" opacity=".16" filter="url(#blur5)"/>`);
    body.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(rad * 0.82)}" fill="${colour}" opacity=".1"/>`);
  }
  const [vDef, vRect] = vignette(W, H, 0.6);
  defs.push(vDef);
  body.push(vRect);
  return svg(W, H, defs, body);
}

// ---------------------------------------------------------------------------------------------------
// 5. A small one, 900×600: a city skyline over a swollen river under an overcast sky, a bridge.

function skyline(): string {
  const W = 900;
  const H = 600;
  const BASE = 372;
  const r = seeded(5505);
  const defs: string[] = [
    gradient('sky', [
      [0, '#5b6676'],
      [0.6, '#8f99a5'],
      [1, '#b9c1c8'],
    ]),
    gradient('river', [
      [0, '#8a8068'],
      [0.3, '#6d634f'],
      [1, '#3f392e'],
    ]),
    gradient('cloudTint', [
      [0, '#3f4856', 0.9],
      [1, '#7d8794', 0.7],
    ]),
    maskFilter('clouds', 'fractalNoise', '0.006 0.018', 4, 31, 2.6, -1.0),
    maskFilter('ripples', 'turbulence', '0.008 0.09', 2, 33, 2.0, -0.2),
    wobbleFilter('wobble', '0.01 0.12', 10, 35),
    blurFilter('haze', 1.2),
  ];
  const body: string[] = [];
  body.push(`<rect width="${W}" height="${BASE + 4}" fill="url(#sky)"/>`);
  body.push(`<rect width="${W}" height="${BASE - 60}" fill="url(#cloudTint)" filter="url(#clouds)"/>`);
  const city: string[] = [];
  // Three layers of buildings, hazier with distance.
  const layers: [string, number, number, number, number, number][] = [
    ['#8b95a1', 90, 240, 22, 46, 4],
    ['#626b77', 60, 170, 26, 60, 10],
    ['#3a4049', 30, 110, 34, 80, 40],
  ];
  for (const [colour, minH, maxH, minW, maxW, maxGap] of layers) {
    let x = -10;
    while (x < W) {
      const w = between(r, minW, maxW);
      const h = between(r, minH, maxH) * (x > 420 && x < 700 ? 1.25 : 1);
      const top = BASE - h;
      city.push(`<rect x="${n(x)}" y="${n(top)}" width="${n(w)}" height="${n(h)}" fill="${colour}"/>`);
      if (r() < 0.2) city.push(`<path d="M${n(x + w / 2)},${n(top - between(r, 14, 36))} L${n(x + w / 2)},${n(top)}" stroke="${colour}" stroke-width="2"/>`);
      if (r() < 0.25) city.push(`<rect x="${n(x + w * 0.2)}" y="${n(top - 10)}" width="${n(w * 0.6)}" height="10" fill="${colour}"/>`);
      if (colour !== '#8b95a1') {
        for (let wy = top + 6; wy < BASE - 6; wy += 9) {
          for (let wx = x + 4; wx < x + w - 6; wx += 7) {
            if (r() < 0.16) city.push(`<rect x="${n(wx)}" y="${n(wy)}" width="3" height="4" fill="#f3e2a6" opacity="${op(between(r, 0.5, 0.95))}"/>`);
          }
        }
      }
      x += w + between(r, -6, maxGap);
    }
  }
  defs.push(`<g id="city">${city.join('')}</g>`);
  body.push(`<use xlink:href="#city" href="#city" filter="url(#haze)"/>`);
  // Embankment, then the river with the city's wobbling reflection.
  body.push(`<rect y="${BASE}" width="${W}" height="${H - BASE}" fill="url(#river)"/>`);
  body.push(`<use xlink:href="#city" href="#city" transform="translate(0,${2 * BASE + 16}) scale(1,-1)" opacity=".28" filter="url(#wobble)"/>`);
  body.push(`<rect y="${BASE + 12}" width="${W}" height="${H - BASE - 12}" fill="#b8b0a0" opacity=".32" filter="url(#ripples)"/>`);
  body.push(`<rect y="${BASE}" width="${W}" height="12" fill="#7b7f82"/><path d="M0,${BASE - 5} L${W},${BASE - 5}" stroke="#2d3138" stroke-width="1.5"/>`);
  // A bridge on the left, its arches half full.
  body.push(`<path d="M0,330 L420,350 L420,362 L0,344 Z" fill="#4b4f55"/>`);
  for (const [ax, aw] of [
    [40, 110],
    [170, 110],
    [300, 100],
  ] as const) {
    body.push(
      `<path d="M${ax},${BASE + 30} L${ax},${n(340 + ax * 0.04)} L${ax + aw},${n(345 + (ax + aw) * 0.04)} L${ax + aw},${BASE + 30} Q${ax + aw / 2},${BASE - 22} ${ax},${BASE + 30} Z" fill="#4b4f55"/>`,
    );
  }
  body.push(`<path d="M0,${BASE + 40} L430,${BASE + 40}" stroke="#2f2b24" stroke-opacity=".4" stroke-width="6"/>`);
  // A barge pushing upstream.
  body.push(
    `<path d="M560,470 L740,466 L730,486 L572,488 Z" fill="#2c2a28"/><rect x="690" y="448" width="36" height="20" fill="#d8d2c4"/><rect x="575" y="458" width="100" height="10" fill="#6a4a32"/>`,
  );
  body.push(`<path d="M548,490 Q650,500 760,488" stroke="#d8d0bc" stroke-opacity=".5" stroke-width="3" fill="none"/>`);
  const [vDef, vRect] = vignette(W, H, 0.45);
  defs.push(vDef);
  body.push(vRect);
  return svg(W, H, defs, body);
}

// ---------------------------------------------------------------------------------------------------

interface Picture {
  name: string;
  width: number;
  height: number;
  draw: () => string;
  /** Film grain: deviation of the luminance noise, in 8-bit levels. */
  grain: number;
  seed: number;
}

const PICTURES: readonly Picture[] = [
  { name: 'harbour', width: 2400, height: 1600, draw: harbour, grain: 4.4, seed: 11 },
  { name: 'cricket', width: 2400, height: 1600, draw: cricket, grain: 4, seed: 22 },
  { name: 'solar', width: 1600, height: 2400, draw: solar, grain: 4.4, seed: 33 },
  { name: 'markets', width: 2400, height: 1600, draw: markets, grain: 4.6, seed: 44 },
  { name: 'skyline', width: 900, height: 600, draw: skyline, grain: 3.6, seed: 55 },
];

/** Adds seeded grain to raw RGB pixels: mostly luminance, a little colour, like a high-ISO sensor. */
function addGrain(pixels: Buffer, seed: number, sigma: number): void {
  const r = seeded(seed);
  for (let i = 0; i < pixels.length; i += 3) {
    const luma = normal(r) * sigma;
    for (let c = 0; c < 3; c++) {
      const v = pixels[i + c]! + luma + (r() - 0.5) * sigma * 0.6;
      pixels[i + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  }
}

async function render(picture: Picture): Promise<Buffer> {
  const { data, info } = await sharp(Buffer.from(picture.draw()), { density: 72, limitInputPixels: false })
    .resize(picture.width, picture.height, { fit: 'fill' })
    .flatten({ background: '#000000' })
    .blur(0.6)
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== picture.width || info.height !== picture.height || info.channels !== 3) {
    throw new Error(`${picture.name}: rendered ${info.width}×${info.height}×${info.channels}, expected ${picture.width}×${picture.height}×3`);
  }
  addGrain(data, picture.seed, picture.grain);
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
    .jpeg({ quality: 82, mozjpeg: true, chromaSubsampling: '4:2:0' })
    .toBuffer();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const keepSvg = args.includes('--svg');
  const only = args.filter((a) => !a.startsWith('--'));
  mkdirSync(OUT_DIR, { recursive: true });
  let total = 0;
  const problems: string[] = [];
  for (const picture of PICTURES) {
    if (only.length > 0 && !only.includes(picture.name)) continue;
    if (keepSvg) {
      // Outside content/: the scenes are for looking at, not for the site.
      const dir = join(tmpdir(), 'dateline-demo-photos');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${picture.name}.svg`), picture.draw());
      console.log(`${join(dir, `${picture.name}.svg`)}`);
    }
    const jpeg = await render(picture);
    const file = join(OUT_DIR, `${picture.name}.jpg`);
    writeFileSync(file, jpeg);
    total += jpeg.length;
    console.log(`${relative(ROOT, file)}  ${picture.width}×${picture.height}  ${jpeg.length} bytes`);
    if (jpeg.length > MAX_FILE_BYTES) problems.push(`${picture.name}.jpg is ${jpeg.length} bytes, over ${MAX_FILE_BYTES}`);
  }
  console.log(`total ${total} bytes`);
  if (total > MAX_TOTAL_BYTES) problems.push(`the pictures total ${total} bytes, over ${MAX_TOTAL_BYTES}`);
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    process.exitCode = 1;
  }
}

await main();
