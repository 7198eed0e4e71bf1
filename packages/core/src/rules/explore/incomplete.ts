import { defineRule } from '../define-rule.js'

/** Reported by the exploration (`explore/`) when a bound stops it. */
export const exploreIncomplete = defineRule({
  id: 'explore/incomplete',
  severity: 'warning',
  summary: 'An exploration stopped at a bound (states, depth or time): beyond it, nothing is proven.',
  explanation: `Exploration visits every reachable state breadth-first, up to a number of states (by default
1,000,000), a depth and a time per exploration (\`plumbline check --max-states N --max-depth N
--timeout 30s\`). When a bound stops it, the states beyond it are not checked: what was found
is real, but the absence of other findings proves nothing, and findings that claim an absence
(unreachable states, unused events, states with no way to finish) are not made. The report's
\`exploration\` entry says \`complete: false\` and which bound was hit. When the search was still
going deeper as it stopped, the message says the space may be unbounded and names the fields
that kept changing on the deepest path and the operations or events taken there. Make the model's domains
smaller (small scope: two or three values usually find what more would), bound a counter that
grows without end, or raise the bound.

Bad:
  operations: { tick: { apply: (s) => ({ count: s.count + 1 }) } }    // infinitely many states

Good:
  operations: { tick: { guard: (s) => s.count < 3, apply: (s) => ({ count: s.count + 1 }) } }`,
})
