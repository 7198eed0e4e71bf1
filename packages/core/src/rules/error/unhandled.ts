import { own } from '../../model/own.js'
import { defineRule } from '../define-rule.js'
import { quoted, stepNumber, stepOf } from '../wording.js'

export const errorUnhandled = defineRule({
  id: 'error/unhandled',
  severity: 'error',
  summary: 'A contract declares an error, and a flow step that uses the contract does not say how it is handled.',
  explanation: `A contract's errors are the answers the caller must be ready for besides success. A flow
step that uses the contract says, for each of them, what happens next (onError), or the
flow only describes the happy path and the error surfaces later as a blank page or a
retry storm. Each unhandled error is reported at the step's onError entry for it, where the
handling is written. An error by default: the model itself says the error happens. If an
error cannot occur in this flow, record that as a decision answering the finding.

Bad:
  contracts: { signUp: { from: 'browser', to: 'api', errors: { EmailTaken: z.object({}) } } },
  flows: { register: { steps: [{ from: 'browser', to: 'api', contract: 'signUp' }] } }

Good:
  flows: { register: { steps: [{ from: 'browser', to: 'api', contract: 'signUp',
    onError: { EmailTaken: 'offer to sign in or reset the password' } }] } }`,
  check: (model, report) => {
    for (const [flowId, flow] of Object.entries(model.flows))
      flow.steps.forEach((step, index) => {
        if (step.contract === undefined) return
        for (const error of Object.keys(own(model.contracts, step.contract)?.errors ?? {}))
          if (own(step.onError, error) === undefined)
            report(
              ['flows', flowId, 'steps', index, 'onError', error],
              `contract ${quoted(step.contract)} may answer ${quoted(error)}, and this step does not say how that is handled`,
            )
      })
  },
  question: (finding, model) => {
    const located = stepOf(finding, model)
    if (located === undefined) return finding.message
    const { flow, index, step, rest } = located
    return `What should ${flow} do when ${step.contract ?? ''} answers ${String(rest[1])} (${stepNumber(index)}: ${step.from} → ${step.to})?`
  },
})
