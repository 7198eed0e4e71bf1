/** JSON as Plumbline prints it. */

/** A JSON document: two-space indented, with one trailing newline (reports, baselines, the schema, `--format json`). */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** A value on one line, as the human formats show states and params. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined'
}
