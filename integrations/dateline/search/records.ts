// What search indexes for a story: its headline and the text a reader sees under it (paragraphs with
// the dateline, photo captions with their credit, print footers), not related headlines, the byline or
// page chrome. Built from the wire file with the same parser the article page uses, so the index can be
// written while pages render, without reading the built HTML back.
import type { CustomRecord } from 'pagefind';
import { readArticle } from '../article-body.ts';
import { captionText } from '../parser/index.ts';
import type { ArticleRecord } from '../analyze.ts';
import { formatLocalDate } from '../time.ts';

export interface RecordOptions {
  contentPath: string;
  timeZone: string;
  language: string;
}

export function searchRecord(article: ArticleRecord, options: RecordOptions): CustomRecord {
  const wire = readArticle(options.contentPath, article.file, options.timeZone);
  // The headline ends a sentence in result excerpts (`… budget deal. KARACHI: …`), as Pagefind does for
  // an HTML heading.
  const text: string[] = [/\p{P}$/u.test(article.headline) ? article.headline : `${article.headline}.`];
  let datelineDone = false;
  for (const block of wire.body) {
    if (block.kind === 'related') continue;
    if (block.kind === 'caption') text.push(`Photo caption: ${captionText(block)}${block.credit ? ` — ${block.credit}` : ''}`);
    else if (block.kind === 'paragraph' && !datelineDone && wire.datelineText) {
      text.push(`${wire.datelineText} ${block.text}`);
      datelineDone = true;
    } else text.push(block.text);
  }
  return {
    // Relative to the site root: the search page gives Pagefind the base (`baseUrl`).
    url: `/${article.path}`,
    content: text.join('\n'),
    language: options.language,
    meta: { title: article.headline, date: formatLocalDate(article.published, options.timeZone) },
    sort: { date: new Date(article.timestamp).toISOString() },
  };
}
