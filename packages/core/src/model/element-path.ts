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

/**
 * The segments of an element path: the inverse of `elementPath`. Undefined for text that is
 * not an element path (what a user may have typed in a decision's `answers` or a baseline).
 */
export function parseElementPath(path: string): PathSegment[] | undefined {
  const segments: PathSegment[] = []
  let rest = path
  while (rest !== '') {
    const identifier = (segments.length === 0 ? /^[A-Za-z_$][\w$]*/ : /^\.([A-Za-z_$][\w$]*)/).exec(rest)
    if (identifier) {
      segments.push(identifier[1] ?? identifier[0])
      rest = rest.slice(identifier[0].length)
      continue
    }
    const index = /^\[(0|[1-9]\d*)\]/.exec(rest)
    if (index) {
      segments.push(Number(index[1]))
      rest = rest.slice(index[0].length)
      continue
    }
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest)
    if (!quoted) return undefined
    try {
      segments.push(JSON.parse(quoted[1] ?? '') as string)
    } catch {
      return undefined
    }
    rest = rest.slice(quoted[0].length)
  }
  return segments
}
