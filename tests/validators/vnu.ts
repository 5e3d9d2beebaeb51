// The W3C Nu Html Checker (npm `vnu-jar`, run on the system Java) over built files: one JVM per call
// (its start costs about 2 s; checking then takes about 13 ms a page), JSON output, every message
// kept with the file, line and column it points at.
import { execFile } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../helpers/build.ts';

export const VNU_JAR = `${repoRoot}node_modules/vnu-jar/build/dist/vnu.jar`;

/** Files per JVM: keeps the command line far below the system's limit on a large sample. */
const BATCH = 2000;

export interface VnuMessage {
  /** Path relative to the folder the check ran in. */
  file: string;
  line?: number;
  column?: number;
  message: string;
  extract?: string;
}

export interface VnuResult {
  /** Files vnu says it checked (`--verbose` names each one; it skips a missing file without a word). */
  checked: number;
  /** Errors, fatal errors and "non-document" errors (a file that could not be read). */
  errors: VnuMessage[];
  /** Info messages of subtype "warning". */
  warnings: VnuMessage[];
  /** Plain info messages. */
  infos: number;
}

interface RawMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

function runJava(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // A UTF-8 locale and output: without one, Java cannot open a file whose name is not ASCII (vnu then
    // reports only a "File not found." warning) and prints such names as question marks.
    const java = ['-Dsun.stdout.encoding=UTF-8', '-Dsun.stderr.encoding=UTF-8', '-jar', VNU_JAR, ...args];
    const env = { ...process.env, LC_ALL: 'C.UTF-8' };
    execFile('java', java, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error('`java` was not found: the W3C Nu Html Checker needs Java 17 or later (Debian: apt-get install -y default-jre-headless)'));
      } else if (error) {
        reject(new Error(`vnu failed (${error.message}):\n${stderr}\n${stdout.slice(0, 2000)}`));
      } else resolve({ stdout, stderr });
    });
  });
}

/**
 * Checks `files` (absolute paths under `root`) with vnu. HTML files are checked as HTML; with
 * `css: true`, `.css` files among them are checked as CSS too (`--also-check-css`).
 */
export async function checkWithVnu(root: string, files: string[], options: { css?: boolean } = {}): Promise<VnuResult> {
  if (files.length === 0) throw new Error('checkWithVnu: no files to check');
  const result: VnuResult = { checked: 0, errors: [], warnings: [], infos: 0 };
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files.slice(start, start + BATCH).map((f) => relative(root, f));
    const args = ['--format', 'json', '--stdout', '--exit-zero-always', '--verbose', ...(options.css ? ['--also-check-css'] : []), ...batch];
    const { stdout: output, stderr } = await runJava(args, root);
    const named = new Set(stderr.split('\n'));
    const unchecked = batch.filter((f) => !named.has(f));
    if (unchecked.length)
      throw new Error(`vnu did not check ${unchecked.length} of the files it was given: ${unchecked.slice(0, 10).join(', ')}\n${stderr.slice(0, 2000)}`);
    result.checked += batch.length;
    let messages: RawMessage[];
    try {
      messages = (JSON.parse(output) as { messages: RawMessage[] }).messages;
    } catch {
      throw new Error(`vnu printed something that is not its JSON report:\n${output.slice(0, 2000)}`);
    }
    for (const m of messages) {
      const entry: VnuMessage = {
        file: m.url?.startsWith('file:') ? relative(root, fileURLToPath(m.url)) : (m.url ?? '(no file)'),
        line: m.firstLine ?? m.lastLine, // firstLine only when the message spans several lines
        column: m.firstColumn,
        message: m.message,
        extract: m.extract,
      };
      if (m.type === 'info' && m.subType === 'warning') result.warnings.push(entry);
      else if (m.type === 'info') result.infos++;
      else result.errors.push(entry);
    }
  }
  return result;
}

/** One line per message: `file:line:column message «extract»`. */
export function formatVnu(m: VnuMessage): string {
  const at = m.line === undefined ? m.file : `${m.file}:${m.line}:${m.column ?? 0}`;
  return `${at} ${m.message}${m.extract ? ` «${m.extract.replace(/\s+/g, ' ').trim()}»` : ''}`;
}

/** The one-line figure each test prints. */
export function summarizeVnu(label: string, r: VnuResult): string {
  return `vnu ${label}: ${r.checked} files checked, ${r.errors.length} errors, ${r.warnings.length} warnings, ${r.infos} info messages`;
}
