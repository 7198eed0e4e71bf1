/**
 * Element paths name a place in a model: `flows.signUp.steps[2].to`. They are a public
 * contract (diagnostics, decisions' `answers`, baselines), so their syntax is fixed here:
 * identifier-like keys joined by dots, other keys as JSON strings in brackets
 * (`flows["sign up"]`), array indices in brackets.
 */

export type PathSegment = string | number

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

export function elementPath(segments: readonly PathSegment[]): string {
  let path = ''
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`
    else if (IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`
    else path += `[${JSON.stringify(segment)}]`
  }
  return path
}

/** Whether two paths name the same element. */
export function samePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index])
}

/** One token of a path: `.name` (or a leading `name`), `[3]`, or `["any name"]`. */
const TOKEN = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y

/**
 * The segments of a path written by `elementPath`; undefined for text that is not one.
 * `parseElementPath(elementPath(s))` gives `s` back.
 */
export function parseElementPath(path: string): PathSegment[] | undefined {
  const segments: PathSegment[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < path.length) {
    const start = TOKEN.lastIndex
    const match = TOKEN.exec(path)
    if (!match) return undefined
    const [token, name, index, quoted] = match
    // A dot only between segments; a bare name only at the start.
    if (token.startsWith('.') !== (name !== undefined && start > 0)) return undefined
    if (name !== undefined) segments.push(name)
    else if (index !== undefined) segments.push(Number(index))
    else segments.push(JSON.parse(quoted ?? '""') as string)
  }
  return segments
}
