/** A counterexample as lines: the initial state, then one numbered line per step. */
import { describeDifference, type TraceStep } from '@plumbline/core'
import type { Style } from '../style.js'
import { compactJson } from '../text/json.js'

const plain: Style = Object.assign((_format: Parameters<Style>[0], text: string) => text, { enabled: false })

export function formatTrace(trace: readonly TraceStep[], initial: unknown, style: Style = plain): string[] {
  const lines = [`${style('dim', 'from')} ${compactJson(initial)}`]
  if (trace.length === 0) lines.push(style('dim', '(already in the initial state)'))
  trace.forEach((step, index) => {
    const params = Object.keys(step.params).length === 0 ? '' : ` ${compactJson(step.params)}`
    // An event XState names itself is shown in the machine's words (`fetchUser failed (invoked in state "a")`).
    const action = step.description ?? step.action
    const next =
      step.modelDisallows === undefined
        ? compactJson(step.state)
        : `not taken: the model ${step.modelDisallows} it here (stays ${compactJson(step.state)}); the real system took it`
    lines.push(`${index + 1}. ${style('cyan', action)}${params} ${style('dim', '→')} ${next}`)
    // Conformance runs: what the real system did beside the model.
    if (step.refused !== undefined) lines.push(`   ${style('dim', 'refused:')} ${step.refused}`)
    if (step.observed !== undefined && step.diff !== undefined) {
      lines.push(`   ${style('dim', 'observed')} ${compactJson(step.observed)}`)
      for (const difference of step.diff) lines.push(`   ${style('red', '≠')} ${describeDifference(difference)}`)
    }
  })
  return lines
}
