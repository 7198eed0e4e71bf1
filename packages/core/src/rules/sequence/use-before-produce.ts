import type { FlowDefinition } from '../../model/types.js'
import { defineRule } from '../define-rule.js'
import { quoted, stepNumber, stepOf } from '../wording.js'

export const sequenceUseBeforeProduce = defineRule({
  id: 'sequence/use-before-produce',
  severity: 'error',
  summary: 'A flow step consumes a datum that no earlier step of the flow produces.',
  explanation: `A flow is an order: each step may use only what earlier steps made available. A step
that consumes a datum nobody produced before it either runs too early (the order is wrong),
or relies on something from outside the flow that the model does not show (a session, a
setting). Each such datum is reported at the step's consumes entry. An error by default:
as written, the flow cannot run. If the datum comes from outside the flow, add a step that
produces it (from the actor who has it), or record a decision answering the finding.

Bad:
  steps: [
    { from: 'api', to: 'db', message: 'insert order', consumes: ['orderId'] },
    { from: 'api', to: 'api', message: 'allocate id', produces: ['orderId'] },
  ]

Good:
  steps: [
    { from: 'api', to: 'api', message: 'allocate id', produces: ['orderId'] },
    { from: 'api', to: 'db', message: 'insert order', consumes: ['orderId'] },
  ]`,
  check: (model, report) => {
    for (const [flowId, flow] of Object.entries(model.flows)) {
      const produced = new Set<string>()
      flow.steps.forEach((step, index) => {
        step.consumes?.forEach((datum, position) => {
          if (produced.has(datum)) return
          const later = laterProducer(flow, index, datum)
          report(
            ['flows', flowId, 'steps', index, 'consumes', position],
            `this step consumes ${quoted(datum)}, which no earlier step produces${later === undefined ? '' : ` (${stepNumber(later)} produces it, later)`}`,
          )
        })
        for (const datum of step.produces ?? []) produced.add(datum)
      })
    }
  },
  question: (finding, model) => {
    const located = stepOf(finding, model)
    const datum = located?.step.consumes?.[Number(located.rest[1])]
    if (located === undefined || datum === undefined) return finding.message
    return `Where does ${stepNumber(located.index)} of ${located.flow} (${located.step.from} → ${located.step.to}) get ${datum} from?`
  },
})

function laterProducer(flow: FlowDefinition, index: number, datum: string): number | undefined {
  const later = flow.steps.findIndex((step, at) => at > index && step.produces?.includes(datum) === true)
  return later === -1 ? undefined : later
}
