import { own } from '../../model/own.js'
import { defineRule } from '../define-rule.js'
import { quoted, stepArrow } from '../wording.js'

export const contractMismatch = defineRule({
  id: 'contract/mismatch',
  severity: 'error',
  summary: "A flow step's from/to disagree with the contract it names.",
  explanation: `A contract is a promise between two components: its from calls its to. A flow step that
names the contract claims to be that call, so it must go between the same two components in
the same direction. A mismatch means the flow and the contract describe different systems:
usually a step that was moved to another component, or the reply written as a step of its
own (the reply is part of the call: request, response and errors all belong to the one
step). Reported once per step, at the contract it names. An error by default: the model
contradicts itself.

Bad:
  contracts: { signUp: { from: 'browser', to: 'api' } },
  flows: { register: { steps: [{ from: 'api', to: 'db', contract: 'signUp' }] } }

Good:
  flows: { register: { steps: [{ from: 'browser', to: 'api', contract: 'signUp' }] } }`,
  check: (model, report) => {
    for (const [flowId, flow] of Object.entries(model.flows))
      flow.steps.forEach((step, index) => {
        const contract = step.contract === undefined ? undefined : own(model.contracts, step.contract)
        if (contract === undefined || (contract.from === step.from && contract.to === step.to)) return
        const reversed = contract.from === step.to && contract.to === step.from
        report(
          ['flows', flowId, 'steps', index, 'contract'],
          `the step goes ${stepArrow(step)}, but contract ${quoted(step.contract ?? '')} is ${stepArrow(contract)}${reversed ? ' (the reply is part of the call, not a step of its own)' : ''}`,
        )
      })
  },
})
