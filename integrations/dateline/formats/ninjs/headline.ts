// The headline: ninjs 1 `headline`; ninjs 2/3 `headlines[]`, the entry with role `main` (the schema
// leaves roles to the provider; `main` is what every sample uses), else the first without a role, else
// the first. A ninjs 2/3 item that still carries a ninjs 1 `headline` is read leniently. `title` is
// metadata ("use headlines for publishable headlines", ninjs 2.2 and 3.1) and is the headline only
// when nothing else is given, with a warning. Subheadline: a `headlines[]` entry with role `sub`,
// `subheadline`, `subheading`, `subtitle` or `deck`.
import type { Diagnostic } from '../item.ts';
import { elements, member, stringMember, type Located } from './positions.ts';
import { inlineText } from './text.ts';

export interface HeadlineRead {
  text: string;
  line: number;
  subheadline?: string;
}

const SUB_ROLES = new Set(['sub', 'subheadline', 'subheading', 'subtitle', 'deck']);
const MAIN_ROLES = new Set(['main', 'headline', 'primary', 'default']);

export function readHeadline(item: Located, warnings: Diagnostic[]): HeadlineRead | undefined {
  const entries = elements(member(item, 'headlines'))
    .map((e) => ({ e, role: (stringMember(e, 'role')?.text ?? '').trim().toLowerCase(), value: stringMember(e, 'value') }))
    .filter((h) => h.value !== undefined && inlineText(h.value.text) !== '');
  const sub = entries.find((h) => SUB_ROLES.has(h.role));
  const subheadline = sub ? inlineText(sub.value!.text) : undefined;
  const withSub = (r: HeadlineRead): HeadlineRead => (subheadline && subheadline !== r.text ? { ...r, subheadline } : r);

  const v1 = stringMember(item, 'headline');
  if (v1 && inlineText(v1.text) !== '') return withSub({ text: inlineText(v1.text), line: v1.line });
  const main = entries.find((h) => MAIN_ROLES.has(h.role)) ?? entries.find((h) => h.role === '') ?? entries.find((h) => !SUB_ROLES.has(h.role));
  if (main) return withSub({ text: inlineText(main.value!.text), line: main.value!.line });
  const title = stringMember(item, 'title');
  if (title && inlineText(title.text) !== '') {
    warnings.push({ line: title.line, message: 'no headline ("headline" or "headlines"): the item\'s "title" (metadata) is used as the headline' });
    return withSub({ text: inlineText(title.text), line: title.line });
  }
  return undefined;
}
