// The day of a day-archive URL (`/2023/08/07/`), or undefined for anything that is not a date's path.
// (Section slugs are never all digits, so `/{yyyy}/…` never meets `/{section}/…`.)
export function dayKey(params: Record<string, string | undefined>): string | undefined {
  const { yyyy, mm, dd } = params;
  if (!/^\d{4}$/.test(yyyy ?? '') || !/^\d\d$/.test(mm ?? '') || !/^\d\d$/.test(dd ?? '')) return undefined;
  return `${yyyy}/${mm}/${dd}`;
}
