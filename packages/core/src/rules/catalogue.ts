/**
 * Every rule Plumbline knows, in the order their findings are reported. Add a rule by
 * adding its module here; ids are a public contract and never change.
 */
import { contractUnknown } from './contract/unknown.js'
import { decisionStale } from './decision/stale.js'
import { modelInvalid } from './model/invalid.js'
import type { Rule } from './types.js'

export const rules: readonly Rule[] = [modelInvalid, contractUnknown, decisionStale]

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]))

export const ruleIds: ReadonlySet<string> = new Set(rulesById.keys())
