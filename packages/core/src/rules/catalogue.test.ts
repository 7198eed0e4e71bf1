import { describe, expect, it } from 'vitest'
import { rules, rulesById } from './catalogue.js'

/** The rule ids DESIGN.md promises for the structural and decision rules. */
const PROMISED = [
  'identity/missing',
  'identity/uniqueness-undecided',
  'identity/ambiguous-target',
  'contract/unknown',
  'contract/mismatch',
  'error/unhandled',
  'sequence/use-before-produce',
  'sequence/infeasible-flow',
  'failure/unhandled',
  'boundary/unauthenticated-crossing',
  'boundary/undeclared-zone',
  'decision/stale',
  'model/invalid',
]

describe('the rule catalogue', () => {
  it('has every promised rule, once', () => {
    for (const id of PROMISED) expect(rulesById.get(id)?.id).toBe(id)
    expect(rulesById.size).toBe(rules.length)
  })

  it.each(rules.map((rule) => [rule.id, rule] as const))(
    '%s is documented: category/name id, one-line summary, explanation with a bad and a good snippet',
    (_, rule) => {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z]+(-[a-z]+)*$/)
      expect(rule.summary).not.toContain('\n')
      expect(rule.explanation).toMatch(/\n\nBad:\n {2}\S[\s\S]*\n\nGood:\n {2}\S/)
    },
  )
})
