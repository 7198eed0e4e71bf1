/** A value on one line, as the human formats show states and params. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined'
}
