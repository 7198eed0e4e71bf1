/**
 * Type tests for rule ids (`catalogue.ts`, `define-rule.ts`): a misspelt id is a compile error
 * wherever TypeScript code names one. Checked by `tsc -p tsconfig.check.json`; each
 * `@ts-expect-error` fails the typecheck if the line below it stops being an error.
 */
import { expectTypeOf } from 'vitest'
import type { DecidedFinding, Diagnostic, Finding, Question, RuleId } from '../index.js'
import { defineRule } from './define-rule.js'
import { identityMissing } from './identity/missing.js'

export const known: RuleId = 'identity/missing'

// @ts-expect-error a misspelt rule id
export const misspelt: RuleId = 'identity/mising'

expectTypeOf<RuleId>().not.toEqualTypeOf<string>()

export const ruleFinding: Finding = {
  rule: 'state/deadlock',
  path: ['machines', 'door', 'states', 'shut'],
  message: 'm',
}
export const packFinding: Finding = { rule: 'pack:accounts', path: ['entities', 'User'], message: 'm' }

// @ts-expect-error a finding of a misspelt rule
export const misspeltFinding: Finding = { rule: 'state/deadlok', path: ['machines', 'door'], message: 'm' }

// @ts-expect-error a pack's source is `pack:<name>`
export const misspeltPack: Finding = { rule: 'packs:accounts', path: ['entities', 'User'], message: 'm' }

// @ts-expect-error a diagnostic of a misspelt rule
export const misspeltDiagnostic: Diagnostic = { rule: 'identity/mising', severity: 'error', element: 'e', message: 'm' }

export const misspeltDecided: DecidedFinding = {
  // @ts-expect-error a decided finding of a misspelt rule
  rule: 'identity/uniqueness-undecide',
  element: 'entities.User',
  message: 'm',
  decision: 'd',
  text: 't',
  because: 'b',
}

// @ts-expect-error a question raised by a misspelt rule
export const misspeltQuestion: Question = { question: 'q', element: 'entities.User', source: 'identity/mising' }

// A rule's findings carry its own id, spelt once in its module.
expectTypeOf(identityMissing.id).toEqualTypeOf<'identity/missing'>()
expectTypeOf(identityMissing.finding(['entities', 'User'], 'm').rule).toEqualTypeOf<'identity/missing'>()
expectTypeOf(defineRule({ id: 'a/b', severity: 'info', summary: 's', explanation: 'e' }).id).toEqualTypeOf<'a/b'>()
