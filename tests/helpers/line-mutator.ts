// The one line mutator of the parsers' property tests (fast-check): a valid file with lines dropped,
// duplicated, swapped, inserted or edited, the edits as fast-check values so a failure shrinks to the
// few that matter. Each test brings its own text (the tokens of its format) and says which of the
// optional edits it wants:
// - `editCut`: an edit also removes up to that many characters after its position (XML: a tag or an
//   entity broken in two);
// - `cutLines`: an edit that ends the file after a line (teletype: a message cut off in transmission);
// - `truncate` (mutatedText): the mutated text is cut at a random character at the end.
import fc from 'fast-check';

export type LineEdit =
  | { op: 'drop'; at: number }
  | { op: 'dup'; at: number }
  | { op: 'swap'; at: number; to: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'edit'; at: number; pos: number; text: string; cut?: number }
  | { op: 'cut'; at: number };

export interface LineEditOptions {
  /** The text of an inserted line. */
  insert: fc.Arbitrary<string>;
  /** The text an edit puts into a line. */
  edit: fc.Arbitrary<string>;
  /** Most characters an edit removes after its position; none when absent. */
  editCut?: number;
  /** Whether an edit may cut the file after a line. */
  cutLines?: boolean;
}

/** One edit of a file's lines. */
export function lineEdit(o: LineEditOptions): fc.Arbitrary<LineEdit> {
  const edits: fc.Arbitrary<LineEdit>[] = [
    fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('dup' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: o.insert }),
    o.editCut === undefined
      ? fc.record({ op: fc.constant('edit' as const), at: fc.nat(), pos: fc.nat(), text: o.edit })
      : fc.record({ op: fc.constant('edit' as const), at: fc.nat(), pos: fc.nat(), cut: fc.nat({ max: o.editCut }), text: o.edit }),
  ];
  if (o.cutLines) edits.push(fc.record({ op: fc.constant('cut' as const), at: fc.nat() }));
  return fc.oneof(...edits);
}

/**
 * The text with the edits made in turn. Positions wrap around the lines there are (and an edit's around
 * the line's characters, its end included); once every line is dropped, an edit writes the first line.
 */
export function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  let lines = text.split('\n');
  for (const e of edits) {
    const i = lines.length === 0 ? 0 : e.at % lines.length;
    if (e.op === 'drop') lines.splice(i, 1);
    else if (e.op === 'dup') lines.splice(i, 0, lines[i] ?? '');
    else if (e.op === 'swap') {
      const j = lines.length === 0 ? 0 : e.to % lines.length;
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    } else if (e.op === 'insert') lines.splice(i, 0, e.text);
    else if (e.op === 'edit') {
      const line = lines[i] ?? '';
      const p = e.pos % (line.length + 1);
      lines[i] = line.slice(0, p) + e.text + line.slice(p + (e.cut ?? 0));
    } else lines = lines.slice(0, i + 1);
  }
  return lines.join('\n');
}

/** One of the seeds with `minEdits` to `maxEdits` edits, and (`truncate`) cut at a random character. */
export function mutatedText(
  seeds: readonly string[],
  edit: fc.Arbitrary<LineEdit>,
  o: { minEdits?: number; maxEdits: number; truncate?: boolean },
): fc.Arbitrary<string> {
  const edits = fc.array(edit, { minLength: o.minEdits ?? 1, maxLength: o.maxEdits });
  const cut = o.truncate ? fc.option(fc.nat(), { nil: undefined }) : fc.constant(undefined);
  return fc.tuple(fc.constantFrom(...seeds), edits, cut).map(([seed, list, at]) => {
    const text = applyLineEdits(seed, list);
    return at === undefined ? text : text.slice(0, at % (text.length + 1));
  });
}
