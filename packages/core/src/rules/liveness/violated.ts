import { defineRule } from '../define-rule.js'

/** Reported by the exploration of stores and machines (`explore/liveness/`), once it is complete. */
export const livenessViolated = defineRule({
  id: 'liveness/violated',
  severity: 'error',
  summary: 'A liveness property does not hold: some fair behaviour never reaches what it promises.',
  explanation: `A liveness property says that something good eventually happens: \`when\` leads to \`then\`
(from every reachable state where \`when\` holds, every fair behaviour reaches a state where
\`then\` holds), or without \`when\`, \`then\` eventually holds from the initial state. A behaviour
is an infinite path of the explored graph, or a finite one that stops where nothing is enabled.
The counterexample is a lasso: a shortest trace to a \`when\` state and on to a loop of
\`¬then\` states, which repeats for ever from step \`loop\` (in JSON, \`trace\` plus \`loop\`);
or a trace that stops in a state where nothing is enabled.

Without fairness, a behaviour may ignore an enabled operation for ever, so a loop that
retries while the completing step stays enabled is a counterexample. \`fairness.weak\` rules
out behaviours that ignore an operation (event type) enabled throughout; \`fairness.strong\`
those that ignore one enabled again and again. Fix the model (a missing way out), or declare
the fairness the real system guarantees (a timer that fires, a worker that runs).
Checked only on a complete exploration: a bound leaves liveness unchecked, never holding.

Bad:
  operations: { request: { guard: (s) => s.reset === 'none', apply: (s) => ({ ...s, reset: 'pending' }) },
                resend:  { guard: (s) => s.reset === 'pending', apply: (s) => s },
                confirm: { guard: (s) => s.reset === 'pending', apply: (s) => ({ ...s, reset: 'done' }) } },
  liveness: { resetEnds: { when: (s) => s.reset === 'pending', then: (s) => s.reset === 'done' } }

Good:
  fairness: { weak: ['confirm'] }`,
})
