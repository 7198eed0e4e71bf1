/**
 * The message for a rule id (or pack source) that names nothing, with the closest known one:
 * `unknown rule "identiy/missing" (did you mean "identity/missing"?); plumbline rules lists them`.
 * The same words from `explain`, `--rule` and the config.
 */
import { builtInPacks, closest, packSource, ruleIds, type ChecklistPack } from '@plumbline/core'

/** Every id a severity setting or `explain` may name: the rules, and the packs' sources. */
export function settableIds(packs: readonly ChecklistPack[] = builtInPacks): string[] {
  return [...ruleIds, ...packs.map(packSource)]
}

export function didYouMean(name: string, known: Iterable<string>): string {
  const suggestion = closest(name, known)
  return suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`
}

export function unknownRuleMessage(id: string, known: Iterable<string>): string {
  return `unknown rule ${JSON.stringify(id)}${didYouMean(id, known)}; plumbline rules lists them`
}
