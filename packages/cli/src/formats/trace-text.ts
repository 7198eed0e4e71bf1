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
    lines.push(`${index + 1}. ${style('cyan', step.action)}${params} ${style('dim', '→')} ${compactJson(step.state)}`)
    // Conformance runs: what the real system did beside the model.
    if (step.refused !== undefined) lines.push(`   ${style('dim', 'refused:')} ${step.refused}`)
    if (step.observed !== undefined && step.diff !== undefined) {
      lines.push(`   ${style('dim', 'observed')} ${compactJson(step.observed)}`)
      for (const difference of step.diff) lines.push(`   ${style('red', '≠')} ${describeDifference(difference)}`)
    }
  })
  return lines
}
