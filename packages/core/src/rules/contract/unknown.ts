import { defineRule } from '../define-rule.js'

/** Reported with the model's references (`validate/references.ts`): it is an unknown name, with its own id. */
export const contractUnknown = defineRule({
  id: 'contract/unknown',
  severity: 'error',
  summary: 'A flow step names a contract that does not exist.',
  explanation: `A step that names a contract promises that the call it stands for has that contract's shape,
errors and auth. When the contract does not exist, none of that is stated: usually a typo or
a contract that was renamed or removed.

Bad:
  contracts: { signUp: { from: 'browser', to: 'api' } },
  flows: { register: { steps: [{ from: 'browser', to: 'api', contract: 'signup' }] } }

Good:
  flows: { register: { steps: [{ from: 'browser', to: 'api', contract: 'signUp' }] } }`,
})
