// HTML reading for the SEO tests, with a real parser (parse5): elements by tag, attributes, text.
import { parse, parseFragment } from 'parse5';

export interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
  content?: Node;
}

export const parseHtml = (html: string) => parse(html) as unknown as Node;
export const parseHtmlFragment = (html: string) => parseFragment(html) as unknown as Node;

export function elements(root: Node, tag: string): Node[] {
  const found: Node[] = [];
  const walk = (node: Node) => {
    if (node.tagName === tag) found.push(node);
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(root);
  return found;
}

export const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

export function textOf(node: Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}
