/**
 * A counterexample as lines: the initial state, then one numbered line per step with the
 * state after it, or (`changes`, for a person at a terminal) the fields the step changed,
 * a line each, as the trace diagrams of `render` show them. A lasso (`loop`, liveness) marks
 * where its loop starts and that it goes back there, or that the behaviour stops where
 * nothing is enabled.
 */
import { describeChanges, describeDifference, type TraceStep } from '@plumbline/core'
import type { Style } from '../../style.js'
import { compactJson } from '../text/json.js'

const plain: Style = Object.assign((_format: Parameters<Style>[0], text: string) => text, { enabled: false })

export function formatTrace(
  trace: readonly TraceStep[],
  initial: unknown,
  style: Style = plain,
  { changes = false, loop }: { changes?: boolean; loop?: number | undefined } = {},
): string[] {
  const lines = [`${style('dim', 'from')} ${compactJson(initial)}`]
  if (trace.length === 0 && loop === undefined) lines.push(style('dim', '(already in the initial state)'))
  trace.forEach((step, index) => {
    if (index === loop) lines.push(style('yellow', '↻ from here, repeated for ever:'))
    const params = Object.keys(step.params).length === 0 ? '' : ` ${compactJson(step.params)}`
    // An event XState names itself is shown in the machine's words (`fetchUser failed (invoked in state "a")`).
    const action = `${index + 1}. ${style('cyan', step.description ?? step.action)}${params}`
    if (step.modelDisallows !== undefined)
      lines.push(
        `${action} ${style('dim', '→')} not taken: the model ${step.modelDisallows} it here (stays ${compactJson(step.state)}); the real system took it`,
      )
    else if (changes) {
      const changed = describeChanges(index === 0 ? initial : trace[index - 1]?.state, step.state)
      lines.push(
        action,
        ...(changed.length === 0 ? [style('dim', '(nothing changes)')] : changed).map((line) => `   ${line}`),
      )
    } else lines.push(`${action} ${style('dim', '→')} ${compactJson(step.state)}`)
    // Conformance runs: what the real system did beside the model.
    if (step.refused !== undefined) lines.push(`   ${style('dim', 'refused:')} ${step.refused}`)
    if (step.observed !== undefined && step.diff !== undefined) {
      lines.push(`   ${style('dim', 'observed')} ${compactJson(step.observed)}`)
      for (const difference of step.diff) lines.push(`   ${style('red', '≠')} ${describeDifference(difference)}`)
    }
  })
  if (loop !== undefined) lines.push(style('yellow', loopEnd(trace.length, loop)))
  return lines
}

function loopEnd(steps: number, loop: number): string {
  if (loop === steps) return `■ stops here for ever: nothing is enabled`
  return `↻ back to the state ${loop === 0 ? 'it started from' : `after step ${loop}`}`
}
