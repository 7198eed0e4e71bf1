/**
 * A counterexample as a `sequenceDiagram`: the environment sends each step's action to the
 * explored store or machine (a machine's events named as its state diagram names them), a
 * note shows what the step changed, field by field (the full states are in the document's
 * `<details>` block: `traceStates`), and the broken property is shown last, highlighted. A
 * lasso's loop (liveness) is a `loop` block, repeated for ever; a behaviour that stops where
 * nothing is enabled ends with a note saying so.
 */
import type { AnyStateMachine } from 'xstate'
import { describeChanges, type TraceStep } from '@plumbline/core'
import { diagramText, type MermaidDiagram } from '../diagram.js'
import { mermaidLabel } from '../escape/label.js'
import { traceEventLabel } from '../state/transitions.js'

export interface Counterexample {
  /** The explored store or machine, as the reader knows it. */
  subject: string
  initial: unknown
  trace: readonly TraceStep[]
  /** What broke, e.g. the finding's message. */
  conclusion: string
  /** The explored machine, to name its events as its diagram does; none for a store. */
  machine?: AnyStateMachine
  /** For a lasso: the index of the first step that repeats for ever (the trace's length: it stops there). */
  loop?: number | undefined
}

const ENVIRONMENT = 'environment'
const HIGHLIGHT = 'rgba(255,0,0,0.12)'
/** Values longer than this are laid out one field a line. */
const ONE_LINE = 60

export function traceDiagram({ subject, initial, trace, conclusion, machine, loop }: Counterexample): MermaidDiagram {
  const lines: Array<readonly [number, string]> = [
    [0, 'sequenceDiagram'],
    [1, `participant p_environment as ${mermaidLabel(ENVIRONMENT)}`],
    [1, `participant p_subject as ${mermaidLabel(subject)}`],
    [1, `Note over p_subject: ${mermaidLabel(`initial: ${showValue(initial)}`)}`],
  ]
  const looping = loop !== undefined && loop < trace.length
  let before = initial
  trace.forEach((step, index) => {
    if (looping && index === loop)
      lines.push([
        1,
        `loop ${mermaidLabel(`for ever, back to the state ${loop === 0 ? 'it started from' : `after step ${loop}`}`)}`,
      ])
    const depth = looping && index >= loop ? 2 : 1
    const changes = describeChanges(before, step.state)
    lines.push(
      [depth, `p_environment->>p_subject: ${mermaidLabel(actionText(step, machine))}`],
      [depth, `Note over p_subject: ${mermaidLabel(changes.length === 0 ? 'nothing changes' : changes.join('\n'))}`],
    )
    before = step.state
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

/** A machine's event by the name its state diagram gives it; a store's operation by its name. */
function actionText(step: TraceStep, machine: AnyStateMachine | undefined): string {
  const action = machine === undefined ? (step.description ?? step.action) : traceEventLabel(machine, step.action)
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
