// Serving a build with its `_headers` file (Netlify / Cloudflare Pages format) applied per path, the way
// those hosts do: every rule whose path matches the request adds its headers. Paths are exact or end
// in a `*` splat. The serving itself is tests/helpers/serve.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, type StaticServer } from '../helpers/serve.ts';

export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/** Reads a `_headers` file: a path line, then indented `Name: value` lines; `#` comments. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon === -1) throw new Error(`_headers: header line outside a rule or without a colon: ${line}`);
    const name = line.slice(0, colon).trim();
    if (name.toLowerCase() in Object.fromEntries(Object.keys(rule.headers).map((k) => [k.toLowerCase(), 1])))
      throw new Error(`_headers: ${name} twice in ${rule.path}`);
    rule.headers[name] = line.slice(colon + 1).trim();
  }
  return rules;
}

export function matches(rulePath: string, pathname: string): boolean {
  return rulePath.endsWith('*') ? pathname.startsWith(rulePath.slice(0, -1)) : pathname === rulePath;
}

/** The headers a request path gets: every matching rule's, repeated names joined with `, ` (as the hosts do). */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules.filter((r) => matches(r.path, pathname))) {
    for (const [name, value] of Object.entries(rule.headers)) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

/** `edit` may change the rules read from `_headers` (to check that the policy is really enforced). */
export async function serveWithHeaders(dist: string, base = '/', edit: (rules: HeaderRule[]) => HeaderRule[] = (r) => r): Promise<StaticServer> {
  const rules = edit(parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')));
  return serveDist(dist, base, (pathname) => headersFor(rules, pathname));
}
