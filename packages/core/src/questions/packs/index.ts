/** The packs a check asks: the built-in ones, and the user's (a user pack named like a built-in one replaces it). */
import { accountsPack } from './accounts.js'
import { packSource, type ChecklistPack } from './types.js'

export const builtInPacks: readonly ChecklistPack[] = [accountsPack]

export function resolvePacks(userPacks: readonly ChecklistPack[] = []): ChecklistPack[] {
  const byName = new Map<string, ChecklistPack>()
  for (const pack of [...builtInPacks, ...userPacks]) byName.set(pack.name, pack)
  return [...byName.values()]
}

/** What a decision's `answers.rule` may name: a rule id, or a pack's source. */
export function answerableSources(ruleIds: ReadonlySet<string>, packs: readonly ChecklistPack[]): Set<string> {
  return new Set([...ruleIds, ...packs.map(packSource)])
}
