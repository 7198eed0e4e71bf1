import { defineRule } from '../define-rule.js'

/** Reported by `plumbline conform MODEL --trace` (`conform/trace/store-trace.ts`). */
export const conformTraceOutsideDomain = defineRule({
  id: 'conform/trace-outside-domain',
  severity: 'warning',
  summary:
    "A recorded trace gives a param a value outside the model's domain for it: no exploration checked that step.",
  explanation: `A store's domains are the values its exploration tries: \`restock\` with \`n\` from
\`qty: [1, 2]\` is checked with 1 and 2 only. A trace replays the model's guard and apply with the
real system's values, whatever they are, so a line with \`n: 0\` can conform; but no check of the
model ever took that step, and a value the real system should have refused (0, a negative
amount) passes unnoticed. The trace goes on (a real run has real values: emails, ids); the
first such line is reported, with the param, its value and its domain. Widen the domain, guard
the operation against the value, or make this rule an error (\`--rule conform/trace-outside-domain=error\`)
where a trace must stay within the domains.

Bad:
  domains: { qty: [1, 2] }, operations: { restock: { params: { n: 'qty' }, … } }
  {"op": "restock", "params": {"n": 0}}       // 0 is not a value of "qty"

Good:
  domains: { qty: [0, 1, 2] }, operations: { restock: { params: { n: 'qty' }, guard: (s, { n }) => n > 0, … } }
  {"op": "restock", "params": {"n": 0}}       // conform/trace-disabled: the guard refuses it`,
})
