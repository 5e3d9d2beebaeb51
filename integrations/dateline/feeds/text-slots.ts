// @astrojs/rss runs `customData` through fast-xml-parser, which trims text and turns numeric-looking
// text into numbers (`0.10` → `0.1`, `1e3` → `1000`). Wire text (bylines, names) therefore goes into
// customData as an opaque token, and the escaped text replaces the token in the finished XML.
import { randomBytes } from 'node:crypto';
import { escapeXml } from '../sitemaps/xml.ts';

export class TextSlots {
  readonly #nonce = randomBytes(8).toString('hex');
  readonly #values: string[] = [];

  /** A token standing for `text` in customData; `fill()` puts the escaped text in its place. */
  slot(text: string): string {
    this.#values.push(text);
    return `dlslot${this.#nonce}n${this.#values.length - 1}x`;
  }

  fill(xml: string): string {
    return xml.replace(new RegExp(`dlslot${this.#nonce}n(\\d+)x`, 'g'), (_, i: string) => escapeXml(this.#values[Number(i)]!));
  }
}
