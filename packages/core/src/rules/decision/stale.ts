import { defineRule } from '../define-rule.js'

/** Reported when decisions are applied to findings (`check/apply-decisions.ts`). */
export const decisionStale = defineRule({
  id: 'decision/stale',
  severity: 'warning',
  summary: "A decision's `answers` matches no finding: the model changed under it, or it names the wrong element.",
  explanation: `A decision with \`answers: { rule, element }\` records the answer to one finding. When no such
finding exists any more, the decision is stale: the model was changed so that the question is
gone (then remove the decision or drop its \`answers\`), or the rule id or element path is
misspelt (then the finding it meant to answer is still open). Element paths are exactly as
\`plumbline check\` prints them.

Bad:
  decisions: { emailsShared: { decision: 'Emails may repeat', because: 'family accounts',
    answers: { rule: 'identity/uniqueness-undecided', element: 'entities.Usr' } } }

Good:
  decisions: { emailsShared: { decision: 'Emails may repeat', because: 'family accounts',
    answers: { rule: 'identity/uniqueness-undecided', element: 'entities.User' } } }`,
})
