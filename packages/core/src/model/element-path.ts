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
