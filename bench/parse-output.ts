// Reading figures out of a build's console output.

/** Images rendered/reused from the build's output, else from the report JSON; 'n/a' when neither says. */
export function imageCounts(output: string, report: unknown): { rendered: number | 'n/a'; reused: number | 'n/a' } {
  // Only lines about images ("[dateline] 1000 social images: 12 rendered, 988 reused"), so parse-cache
  // or page counts are never taken for image counts.
  const text = output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => /\b(?:images?|og|social|cards?)\b/i.test(l))
    .join('\n');
  const find = (res: RegExp[]) => {
    for (const r of res) {
      const m = r.exec(text);
      if (m) return Number(m[1].replace(/,/g, ''));
    }
    return undefined;
  };
  let rendered = find([
    /([\d,]+)\s+(?:new\s+)?(?:social |og |OG )?(?:images?|cards?)\s+(?:rendered|drawn|generated)/i,
    /\b(?:rendered|drawn|generated)[: ]+([\d,]+)/i,
    /([\d,]+)\s+(?:rendered|drawn|generated)\b/i,
  ]);
  let reused = find([
    /([\d,]+)\s+(?:social |og |OG )?(?:images?|cards?)\s+(?:reused|cached|from cache)/i,
    /\b(?:reused|cached|from cache)[: ]+([\d,]+)/i,
    /([\d,]+)\s+(?:reused|cached|from (?:the )?cache)\b/i,
  ]);
  if (report && typeof report === 'object') {
    const r = report as Record<string, unknown>;
    const images = (r.images ?? r.socialImages ?? r.ogImages) as Record<string, unknown> | undefined;
    if (images && typeof images === 'object') {
      if (rendered === undefined && typeof images.rendered === 'number') rendered = images.rendered;
      if (reused === undefined && typeof images.reused === 'number') reused = images.reused;
    }
  }
  return { rendered: rendered ?? 'n/a', reused: reused ?? 'n/a' };
}

/** Dateline's own summary lines (`[dateline] …`), without colours or timestamps. */
export function buildNotes(output: string): string[] {
  return output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => l.includes('[dateline]'))
    .map((l) => l.replace(/^.*?\[dateline\]\s*/, '').trim());
}
