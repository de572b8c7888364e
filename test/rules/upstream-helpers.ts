/**
 * Helpers shared by the upstream rule tests: positions from unique snippets,
 * and whole-source outputs after an edit, so expectations stay exact.
 */

/** 1-based line and column of the only occurrence of `snippet` in `code`. */
export function at(code: string, snippet: string): { line: number; column: number } {
  const index = code.indexOf(snippet);
  if (index === -1 || code.indexOf(snippet, index + 1) !== -1) throw new Error(`at(): "${snippet}" must occur exactly once`);
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** `code` with each `[from, to]` edit applied; each `from` must occur exactly once. */
export function fixed(code: string, ...edits: [from: string, to: string][]): string {
  let out = code;
  for (const [from, to] of edits) {
    const index = out.indexOf(from);
    if (index === -1 || out.indexOf(from, index + 1) !== -1) throw new Error(`fixed(): "${from}" must occur exactly once`);
    out = out.slice(0, index) + to + out.slice(index + from.length);
  }
  return out;
}
