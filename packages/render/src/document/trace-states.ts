/**
 * The full state before and after every step of a counterexample, for the reader the
 * trace diagram's field changes do not tell enough: a collapsed `<details>` block under
 * the diagram (GitHub and GitLab both fold it), one JSON value per step.
 */
import type { TraceStep } from '@plumbline/core'

export function traceStates(initial: unknown, trace: readonly TraceStep[]): string {
  const entries = [
    `initial: ${json(initial)}`,
    ...trace.map((step, index) => `${index + 1}. after ${step.description ?? step.action}: ${json(step.state)}`),
  ]
  return [
    '<details>',
    '<summary>The full state after each step</summary>',
    '',
    codeBlock(entries.join('\n')),
    '',
    '</details>',
  ].join('\n')
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value)
  } catch {
    return String(value)
  }
}

/** A fenced block whose fence is longer than any run of backticks in the text, so nothing in it can end it. */
function codeBlock(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/gu)].map(([run]) => run.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}json\n${text}\n${fence}`
}
