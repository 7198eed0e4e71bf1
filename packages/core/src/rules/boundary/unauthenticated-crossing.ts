import type { Model } from '../../model/model.js'
import { own } from '../../model/own.js'
import { inwardCrossing, type Crossing } from '../../model/zones.js'
import { defineRule, type Report } from '../define-rule.js'
import { quoted, stepNumber, stepOf } from '../wording.js'

export const boundaryUnauthenticatedCrossing = defineRule({
  id: 'boundary/unauthenticated-crossing',
  severity: 'error',
  summary: 'A contract or flow step crosses into a more trusted zone with no auth decision.',
  explanation: `Trust zones say who is trusted how much (higher trust = more trusted). A call from a less
trusted zone into a more trusted one is where attacks come in, so it must state how the
caller is authenticated: auth: 'session cookie', 'mTLS', 'API key', … — or auth: 'none',
the explicit decision that anyone may call it (sign-up, a public page), which passes and is
listed among the model's decisions. A contract states it once for every step that uses it
(reported at contracts.<id>.auth); a step without a contract, or whose contract does not
itself cross, states it on the step (flows.<id>.steps[<i>].auth). An error by default: on a
trust boundary, silence is how unauthenticated endpoints ship.

Bad:
  contracts: { placeOrder: { from: 'browser', to: 'api' } }      // internet → app

Good:
  contracts: { placeOrder: { from: 'browser', to: 'api', auth: 'session cookie' } }
  contracts: { signUp: { from: 'browser', to: 'api', auth: 'none' } }`,
  check: (model, report) => {
    reportContracts(model, report)
    reportSteps(model, report)
  },
  question: (finding, model) => {
    const located = stepOf(finding, model)
    if (located !== undefined) {
      const crossing = inwardCrossing(model, located.step.from, located.step.to)
      return crossing === undefined
        ? finding.message
        : `Who may call ${located.step.to} from the ${crossing.from.zone} zone (${located.flow} ${stepNumber(located.index)})?`
    }
    const id = String(finding.path[1])
    const contract = own(model.contracts, id)
    const crossing = contract && inwardCrossing(model, contract.from, contract.to)
    return crossing === undefined ? finding.message : `Who may call ${id} from the ${crossing.from.zone} zone?`
  },
})

const UNLESS_PUBLIC = "(auth: 'none' if anyone may call it)"

function reportContracts(model: Model, report: Report): void {
  for (const [id, contract] of Object.entries(model.contracts)) {
    const crossing = inwardCrossing(model, contract.from, contract.to)
    if (crossing === undefined || contract.auth !== undefined) continue
    report(
      ['contracts', id, 'auth'],
      `contract ${quoted(id)} ${crossingText(crossing)}, and states no auth ${UNLESS_PUBLIC}`,
    )
  }
}

function reportSteps(model: Model, report: Report): void {
  for (const [flowId, flow] of Object.entries(model.flows))
    flow.steps.forEach((step, index) => {
      const crossing = inwardCrossing(model, step.from, step.to)
      if (crossing === undefined || step.auth !== undefined) return
      const contract = step.contract === undefined ? undefined : own(model.contracts, step.contract)
      // A contract that crosses itself is where its auth is written, and reported.
      if (
        contract !== undefined &&
        (contract.auth !== undefined || inwardCrossing(model, contract.from, contract.to) !== undefined)
      )
        return
      report(
        ['flows', flowId, 'steps', index, 'auth'],
        `this step ${crossingText(crossing)}, and neither it nor a contract states auth ${UNLESS_PUBLIC}`,
      )
    })
}

function crossingText({ from, to }: Crossing): string {
  return `crosses from zone ${quoted(from.zone)} (trust ${from.trust}) into the more trusted zone ${quoted(to.zone)} (trust ${to.trust})`
}
