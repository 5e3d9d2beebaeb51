// Number formatting for the market strip and quote lines (dates live in integrations/dateline/time.ts).
import type { Quote } from './articles.ts';

const decimals = (n: number) => (Number.isInteger(n) ? 0 : 2);

/** `118412` → `118,412`; `41.78` → `41.78`; `118.2` → `118.20`. */
export function formatPrice(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: decimals(n), maximumFractionDigits: 2 });
}

/** Signed change with thousands separators: `+1,203.50`, `−0.11`, `0`. */
export function formatChange(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: decimals(n), maximumFractionDigits: 2, signDisplay: 'exceptZero' });
}

export function formatPercent(n: number): string {
  return `${formatChange(n)}%`;
}

/** Direction of a quote: the wire's arrow or words, else the sign of the change (indices often have no arrow). */
export function quoteDirection(q: Quote): 'up' | 'down' | 'none' {
  if (q.direction !== 'none') return q.direction;
  return q.change > 0 ? 'up' : q.change < 0 ? 'down' : 'none';
}
