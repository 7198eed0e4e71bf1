/**
 * Where in the source a model's top level threw, from a stack frame. The frame counts in the
 * code jiti ran, which keeps the lines of the source but not its columns: the transpiler drops
 * types and rewrites each line's spacing (`    throw new Error()` runs as `throw new Error()`).
 * So the column is found again in the source line: the word the frame points at, at the same
 * occurrence among the line's words of that spelling. Where that word is not in the source
 * line as often, the column is not known, and the location gives the line alone.
 */

/** The 1-based column in `sourceLine` of what `ranLine` has at 1-based `column`; undefined when it cannot be told. */
export function sourceColumn(sourceLine: string, ranLine: string, column: number): number | undefined {
  if (sourceLine === ranLine) return column
  // A property read throws at its dot (`null.max`): the word is the one after it.
  const [, dots = '', word] = /^([.?]*)([\w$]+)/.exec(ranLine.slice(column - 1)) ?? []
  if (word === undefined) return undefined
  const before = occurrences(ranLine, word).filter((at) => at < column - 1).length
  const at = occurrences(sourceLine, word)[before]
  return at === undefined ? undefined : at + 1 - dots.length
}

/** Where `word` stands as a whole word in `line`: 0-based offsets. */
function occurrences(line: string, word: string): number[] {
  const found: number[] = []
  const escaped = word.replaceAll('$', '\\$')
  for (const match of line.matchAll(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g'))) found.push(match.index)
  return found
}
