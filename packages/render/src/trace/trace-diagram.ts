/**
 * A counterexample as a `sequenceDiagram`: the environment sends each step's action to the
 * explored store or machine, a note shows the state after it, and the broken property is
 * shown last, highlighted. A lasso's loop (liveness) is a `loop` block, repeated for ever;
 * a behaviour that stops where nothing is enabled ends with a note saying so.
 */
import type { TraceStep } from '@plumbline/core'
import { diagramText, type MermaidDiagram } from '../diagram.js'
import { mermaidLabel } from '../escape/label.js'

export interface Counterexample {
  /** The explored store or machine, as the reader knows it. */
  subject: string
  initial: unknown
  trace: readonly TraceStep[]
  /** What broke, e.g. the finding's message. */
  conclusion: string
  /** For a lasso: the index of the first step that repeats for ever (the trace's length: it stops there). */
  loop?: number | undefined
}

const ENVIRONMENT = 'environment'
const HIGHLIGHT = 'rgba(255,0,0,0.12)'
/** Values longer than this are laid out one field a line. */
const ONE_LINE = 60

export function traceDiagram({ subject, initial, trace, conclusion, loop }: Counterexample): MermaidDiagram {
  const lines: Array<readonly [number, string]> = [
    [0, 'sequenceDiagram'],
    [1, `participant p_environment as ${mermaidLabel(ENVIRONMENT)}`],
    [1, `participant p_subject as ${mermaidLabel(subject)}`],
    [1, `Note over p_subject: ${mermaidLabel(`initial: ${showValue(initial)}`)}`],
  ]
  const looping = loop !== undefined && loop < trace.length
  trace.forEach((step, index) => {
    if (looping && index === loop)
      lines.push([
        1,
        `loop ${mermaidLabel(`for ever, back to the state ${loop === 0 ? 'it started from' : `after step ${loop}`}`)}`,
      ])
    const depth = looping && index >= loop ? 2 : 1
    lines.push(
      [depth, `p_environment->>p_subject: ${mermaidLabel(actionText(step))}`],
      [depth, `Note over p_subject: ${mermaidLabel(showValue(step.state))}`],
    )
  })
  if (looping) lines.push([1, 'end'])
  else if (loop !== undefined)
    lines.push([1, `Note over p_subject: ${mermaidLabel('stops here for ever: nothing is enabled')}`])
  lines.push(
    [1, `rect ${HIGHLIGHT}`],
    [2, `Note over p_environment,p_subject: ${mermaidLabel(`✗ ${conclusion}`)}`],
    [1, 'end'],
  )
  return { text: diagramText(lines), edges: trace.length }
}

/** An event XState names itself is shown in the machine's words (its description). */
function actionText(step: TraceStep): string {
  const action = step.description ?? step.action
  return Object.keys(step.params).length === 0 ? action : `${action} ${showValue(step.params)}`
}

/** JSON, one line where short; values JSON cannot show (undefined, cycles, BigInt) as `String` shows them. */
export function showValue(value: unknown): string {
  try {
    const compact = JSON.stringify(value)
    if (compact === undefined) return String(value)
    return compact.length <= ONE_LINE ? compact : JSON.stringify(value, null, 1)
  } catch {
    return String(value)
  }
}
