import type { PathSegment } from '../../model/element-path.js'
import { own } from '../../model/own.js'
import { closest } from '../../model/suggest.js'
import { defineRule } from '../define-rule.js'
import { quoted, quotedList } from '../wording.js'
import { replayFlow, type FlowEvent, type Replay } from './replay-flow.js'

export const sequenceInfeasibleFlow = defineRule({
  id: 'sequence/infeasible-flow',
  severity: 'error',
  summary: "A flow's events, in order, are not a path of the machine it drives.",
  explanation: `A flow that names a machine says which event each step sends it. Replayed in order from
the machine's initial state (with XState's own transition function, and the machine's
declared payload samples), every event must be accepted where it arrives; otherwise the
flow describes something the machine refuses to do: a step out of order, a state the
machine never reaches, or a machine that has moved on. The finding is at the first step
whose event is refused, and names the state it was refused in and what that state accepts.
An error by default: the flow and the machine contradict each other.

Bad:
  machine: cart: idle --add--> filled --pay--> paid
  flows: { buy: { machine: 'cart', steps: [{ ..., event: 'pay' }, { ..., event: 'add' }] } }

Good:
  flows: { buy: { machine: 'cart', steps: [{ ..., event: 'add' }, { ..., event: 'pay' }] } }`,
  check: (model, report) => {
    for (const [flowId, flow] of Object.entries(model.flows)) {
      const machine = flow.machine === undefined ? undefined : own(model.machines, flow.machine)
      if (flow.machine === undefined || machine === undefined) continue
      const events: FlowEvent[] = flow.steps.flatMap((step, index) =>
        step.event === undefined ? [] : [{ step: index, type: step.event }],
      )
      if (events.length === 0) continue
      const replay = replayFlow(flow.machine, machine, events)
      if (replay.outcome !== 'feasible') {
        const { path, message } = infeasibility(flowId, flow.machine, replay)
        report(path, message)
      }
    }
  },
})

/** Where the replay went wrong, and how. */
function infeasibility(
  flowId: string,
  machineId: string,
  replay: Exclude<Replay, { outcome: 'feasible' }>,
): { path: PathSegment[]; message: string } {
  const machine = quoted(machineId)
  const at = (step: number | undefined): PathSegment[] =>
    step === undefined ? ['flows', flowId, 'machine'] : ['flows', flowId, 'steps', step, 'event']
  const finding = (step: number | undefined, message: string) => ({ path: at(step), message })
  switch (replay.outcome) {
    case 'threw':
      return finding(
        replay.step,
        `machine ${machine} threw while ${replay.step === undefined ? 'starting' : "taking this step's event"}: ${replay.error}`,
      )
    case 'unknown-event': {
      const suggestion = closest(replay.event, replay.known)
      const hint =
        suggestion !== undefined
          ? ` (did you mean ${quoted(suggestion)}?)`
          : replay.known.length > 0
            ? ` (its events: ${quotedList(replay.known)})`
            : ''
      return finding(replay.step, `machine ${machine} has no event ${quoted(replay.event)}${hint}`)
    }
    case 'refused': {
      const where = `${replay.states.length === 1 ? 'state' : 'states'} ${quotedList(replay.states)}`
      if (replay.done)
        return finding(
          replay.step,
          `machine ${machine} has already stopped in final ${where} when this step sends ${quoted(replay.event)}`,
        )
      const accepted =
        replay.accepted.length === 0 ? 'nothing is accepted there' : `accepted there: ${quotedList(replay.accepted)}`
      return finding(
        replay.step,
        `event ${quoted(replay.event)} is refused by machine ${machine} in ${where} (${accepted})`,
      )
    }
  }
}
