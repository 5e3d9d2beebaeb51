// Teletype bylines: `By CHARLES ODUM` with its title line `AP Sports Writer` (ANPA), `By PAUL BYRNE and
// ALMUDENA CALATRAVA` with `Associated Press`, dpa's `By Manuel Schwarz, dpa`, `By Tom Krasovic, The
// San Diego Union-Tribune`, `By dpa correspondents`, `By The Associated Press`. Names joined by `and`
// or commas are people; an agency name is an organisation (../byline.ts); the affiliation after a
// person's name is an organisation too; a job title (`AP Sports Writer`) is not a byline part.
import type { BylinePart } from '../../item.ts';
import { classifyBylinePart, isAgency, isDesk } from '../byline.ts';

const TITLE = /\b(?:Writer|Writers|Correspondent|Correspondents|Editor|Editors|Reporter|Reporters|Columnist|Critic|Analyst|Photographer|Contributor|Staff)\b/i;

/** Whether a line after the `By …` line is its title or affiliation (`AP Sports Writer`, `Associated Press`). */
export function isBylineTitle(text: string): boolean {
  const t = text.trim();
  return t.length <= 60 && (isAgency(t) || isAgency(t.replace(/^The\s+/i, '')) || TITLE.test(t));
}

function part(name: string): BylinePart {
  const bare = name.replace(/^The\s+(?=Associated Press\b)/i, '');
  return { name: bare, kind: classifyBylinePart(bare) };
}

/** Byline parts of the byline lines (the `By` line first, then title or affiliation lines). */
export function bylineParts(lines: string[]): BylinePart[] {
  const parts: BylinePart[] = [];
  lines.forEach((line, i) => {
    const text = line.trim().replace(/^By:?\s+/i, '');
    if (text === '') return;
    if (i > 0) {
      // A title names no one; an agency or a paper is an organisation.
      const org = text.replace(/^The\s+(?=Associated Press\b)/i, '');
      if (isAgency(org)) parts.push({ name: org, kind: 'agency' });
      return;
    }
    const [names, ...affiliations] = text.split(/\s*,\s*/);
    if (isAgency(names!.replace(/^The\s+/i, '')) || isDesk(names!)) parts.push(part(names!));
    else for (const n of names!.split(/\s+(?:and|&|und)\s+/i)) if (n.trim() !== '') parts.push(part(n.trim()));
    for (const a of affiliations) {
      if (a === '' || (TITLE.test(a) && !isAgency(a))) continue;
      const org = a.replace(/^The\s+(?=Associated Press\b)/i, '');
      parts.push({ name: org, kind: isDesk(org) ? 'desk' : 'agency' });
    }
  });
  return parts;
}
