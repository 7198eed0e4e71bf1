import { defineRule } from '../define-rule.js'

/** Reported by the exploration of stores (`explore/store/`), once it is complete. */
export const operationNeverEnabled = defineRule({
  id: 'operation/never-enabled',
  severity: 'warning',
  summary: 'A store operation is enabled in no reachable state: it never happens.',
  explanation: `An operation that no reachable state enables, for any combination of its params, never
happens: its guard is too strict, the states it needs are unreachable, or a domain lacks
the value it waits for. It is dead code in the model, and every property that mentions it
holds for no reason. The store's equivalent of state/unused-event. Reported only when the
exploration is complete (an absence needs the whole space); \`--coverage\` shows how often
each operation was enabled and taken.

Bad:
  domains: { amounts: [1, 2] },
  operations: { refund: { params: { amount: 'amounts' }, guard: (s, { amount }) => amount > 100, apply: … } }

Good:
  domains: { amounts: [1, 200] }`,
})
