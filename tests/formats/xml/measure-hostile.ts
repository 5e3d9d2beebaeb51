// Measures time and memory of each hostile case (hostile.ts) through each XML format's parser, and of
// the shared XML reader alone. Run from the repository root:
//   npx node --expose-gc tests/formats/xml/measure-hostile.ts
// Memory: heap growth right after the parse, its result held (the result plus garbage not yet
// collected); the heap left once the result is dropped and a collection runs (a leak would show here);
// and the growth of the resident set. Every output is checked for /etc/passwd content.
import { parseXml } from '../../../integrations/dateline/formats/shared/xml.ts';
import { bytesOf, hostileCases, PASSWD_MARKERS } from './hostile.ts';
import { XML_FORMATS } from './wraps.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with node --expose-gc');
  process.exit(1);
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Outcome {
  text: string;
  leaked: boolean;
}

/** What a result says, read while it is held (it is dropped before the heap is measured again). */
function outcomeOf(result: unknown): Outcome {
  const json = JSON.stringify(result);
  const r = result as { error?: { line: number; message: string }; errors?: { line: number; message: string }[] };
  const error = r.error ?? r.errors?.[0];
  return {
    text: error ? `rejected, line ${error.line}: ${error.message.slice(0, 48)}…` : 'read',
    leaked: PASSWD_MARKERS.some((p) => json.includes(p)),
  };
}

function measure(run: () => unknown): { ms: number; held: number; left: number; rss: number; outcome: Outcome } {
  gc!();
  const before = process.memoryUsage();
  const started = performance.now();
  let result: unknown = run();
  const ms = performance.now() - started;
  const during = process.memoryUsage();
  const outcome = outcomeOf(result);
  result = undefined;
  gc!();
  const left = process.memoryUsage().heapUsed - before.heapUsed;
  return { ms, held: during.heapUsed - before.heapUsed, left, rss: during.rss - before.rss, outcome };
}

const rows: string[][] = [['reader', 'case', 'input', 'outcome', 'time', 'heap held', 'heap left after gc', 'rss growth']];
for (const format of XML_FORMATS) {
  for (const c of hostileCases(format.wrap)) {
    const bytes = bytesOf(c);
    for (const [reader, run] of [
      ['parseXml', () => parseXml(bytes)],
      [format.name, () => format.parse(bytes, { timeZone: 'Asia/Karachi' })],
    ] as const) {
      if (reader === 'parseXml' && format !== XML_FORMATS[0]) continue;
      const m = measure(run);
      if (m.outcome.leaked) throw new Error(`${reader} ${c.name}: /etc/passwd content in the output`);
      rows.push([reader, c.name, mb(bytes.length), m.outcome.text, `${m.ms.toFixed(1)} ms`, mb(m.held), mb(m.left), mb(m.rss)]);
    }
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
