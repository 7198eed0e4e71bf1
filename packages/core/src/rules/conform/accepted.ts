import { defineRule } from '../define-rule.js'

/** Reported by `plumbline conform --rejections` where the real system takes a step the model forbids. */
export const conformAccepted = defineRule({
  id: 'conform/accepted',
  severity: 'error',
  summary: 'The real system accepted an operation or event that the model does not allow in that state.',
  explanation: `With \`--rejections\`, in every state the covering sequences reach, each operation (or event)
the model disables there is tried once on a fresh replay of the shortest sequence to that
state. The real system must refuse it: throw, or reject. A store operation that returns
normally is a finding; for a machine, an event the real system ignores (its observed state
does not change) counts as refused, as XState ignores events no transition takes. The finding
gives the sequence and the state observed after the accepted step: the implementation is
missing a check the model has (a guard), such as a duplicate sign-up.

Bad:
  // no check, no constraint: a second account with the address
  INSERT INTO users (email, password) VALUES ($1, $2)

Good:
  // the database refuses the duplicate
  CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, …)`,
})
