// Number formatting for the market strip and quote lines (dates live in integrations/dateline/time.ts).
import type { Quote } from './articles.ts';

// One formatter per style, made once: `toLocaleString` builds a new one on every call (a quote line is
// on every article page).
const formatters = (options: Intl.NumberFormatOptions) =>
  [0, 2].map((min) => new Intl.NumberFormat('en-US', { ...options, minimumFractionDigits: min, maximumFractionDigits: 2 }));
const PRICE = formatters({});
const CHANGE = formatters({ signDisplay: 'exceptZero' });
const decimals = (n: number) => (Number.isInteger(n) ? 0 : 1);

/** `118412` → `118,412`; `41.78` → `41.78`; `118.2` → `118.20`. */
export function formatPrice(n: number): string {
  return PRICE[decimals(n)]!.format(n);
}

/** Signed change with thousands separators: `+1,203.50`, `−0.11`, `0`. */
export function formatChange(n: number): string {
  return CHANGE[decimals(n)]!.format(n);
}

export function formatPercent(n: number): string {
  return `${formatChange(n)}%`;
}

/** Direction of a quote: the wire's arrow or words, else the sign of the change (indices often have no arrow). */
export function quoteDirection(q: Quote): 'up' | 'down' | 'none' {
  if (q.direction !== 'none') return q.direction;
  return q.change > 0 ? 'up' : q.change < 0 ? 'down' : 'none';
}
