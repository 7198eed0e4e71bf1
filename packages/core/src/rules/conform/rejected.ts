import { defineRule } from '../define-rule.js'

/** Reported by `plumbline conform` where the real system refuses a step the model takes. */
export const conformRejected = defineRule({
  id: 'conform/rejected',
  severity: 'error',
  summary: 'The real system refused (threw on) an operation or event that the model allows in that state.',
  explanation: `An adapter's operation (or event) function that throws, or returns a rejected promise, is
the real system refusing the step. Where the model enables the step in that state, the two
disagree: the implementation is stricter than the model (a constraint the model does not
state, e.g. a UNIQUE index the model's guard does not have), or it fails where it should not.
The finding gives the shortest sequence to the refused step and what was thrown. State the
constraint in the model (a guard), or make the implementation accept the step.

Bad:
  // the model lets anyone sign up again with a taken address; the database refuses
  signUp: { params: { email: 'emails' }, apply: … }

Good:
  // the model states the decision
  signUp: { params: { email: 'emails' }, guard: (s, { email }) => !taken(s, email), apply: … }`,
})
