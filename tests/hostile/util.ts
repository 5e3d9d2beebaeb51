// Small readers shared by the hostile tests: file trees, XML via xmllint, HTML via parse5.
import { execFileSync } from 'node:child_process';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { attr, elements, parseHtml, textOf, type Node } from '../seo/html.ts';

/** Every file under `dir` (not following symbolic links), `/`-separated, sorted. */
export function walk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const path = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? walk(dir, path) : [path];
    })
    .sort();
}

/**
 * The wire inputs of a content folder as Dateline defines them: every `.txt` entry (files, links,
 * FIFOs) in it and its real sub-folders, skipping dot-names; links to folders are not entered, and a
 * link to a folder outside is an input of its own (`name/`, refused).
 */
export function wireInputs(dir: string): string[] {
  // Names read as bytes (a name need not be valid UTF-8), shown decoded as the report shows them.
  const visit = (path: Buffer, prefix: string): string[] =>
    readdirSync(path, { withFileTypes: true, encoding: 'buffer' }).flatMap((e) => {
      const raw = e.name as unknown as Buffer;
      const name = raw.toString('utf8');
      if (name.startsWith('.')) return [];
      const rel = prefix ? `${prefix}/${name}` : name;
      const full = Buffer.concat([path, Buffer.from('/'), raw]);
      if (e.isDirectory()) return visit(full, rel);
      if (name.toLowerCase().endsWith('.txt')) return [rel];
      // A link to a folder outside the content folder is reported (as `name/`): its files are not published.
      if (e.isSymbolicLink()) {
        try {
          const target = realpathSync(full.toString());
          if (statSync(target).isDirectory() && !`${target}/`.startsWith(`${root}/`)) return [`${rel}/`];
        } catch {
          return [];
        }
      }
      return [];
    });
  const root = realpathSync(dir);
  return visit(Buffer.from(dir), '').sort();
}

export const el = (name: string) => `*[local-name()='${name}']`;

/** Values selected by an XPath over a file, decoded (xmllint, one call per value). */
export function xpathStrings(file: string, path: string): string[] {
  const count = Number(execFileSync('xmllint', ['--xpath', `count(${path})`, file], { encoding: 'utf8' }).trim());
  return Array.from({ length: count }, (_, i) =>
    execFileSync('xmllint', ['--xpath', `string((${path})[${i + 1}])`, file], { encoding: 'utf8' }).replace(/\n$/, ''),
  );
}

export interface Page {
  path: string;
  root: Node;
  all: Node[];
}

/** Every element of a document, in document order (template contents included). */
export function allElements(root: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    if (node.tagName) found.push(node);
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(root);
  return found;
}

export function page(path: string, html: string): Page {
  const root = parseHtml(html);
  return { path, root, all: allElements(root) };
}

export const meta = (p: Page, key: string) =>
  elements(p.root, 'meta')
    .filter((m) => attr(m, 'property') === key || attr(m, 'name') === key)
    .map((m) => attr(m, 'content'));

export const byClass = (p: Page, cls: string) => p.all.filter((n) => (attr(n, 'class') ?? '').split(/\s+/).includes(cls));

export { attr, elements, textOf, type Node };
