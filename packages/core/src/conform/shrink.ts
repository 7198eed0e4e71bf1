/**
 * A failing random sequence made shorter: chunks of steps are left out, halves first, then
 * smaller ones down to single steps, as long as the model still enables every step and the
 * real system still diverges the same way (same rule). Each try is a run on a fresh real
 * system, so the number of tries is bounded.
 */
import type { Finding } from '../diagnostics/types.js'
import { replayActions, type ModelSide } from './model-side.js'

const MAX_TRIES = 200

export async function shrinkSequence(
  side: ModelSide,
  failing: readonly number[],
  rule: string,
  run: (actions: readonly number[]) => Promise<Finding | undefined>,
): Promise<Finding | undefined> {
  let best = [...failing]
  let finding = await run(best)
  if (finding === undefined || finding.rule !== rule) return finding
  let tries = 1
  for (let chunk = Math.max(1, Math.floor(best.length / 2)); chunk >= 1 && tries < MAX_TRIES; ) {
    let shrunk = false
    for (let start = 0; start + chunk <= best.length && tries < MAX_TRIES; ) {
      const candidate = [...best.slice(0, start), ...best.slice(start + chunk)]
      if (replayActions(side, candidate) === undefined) {
        start++
        continue
      }
      tries++
      const found = await run(candidate)
      if (found !== undefined && found.rule === rule) {
        // The divergence may now come earlier: keep only the steps up to it.
        best = candidate.slice(0, found.trace?.length ?? candidate.length)
        finding = found
        shrunk = true
      } else start++
    }
    if (!shrunk) chunk = Math.floor(chunk / 2)
  }
  return finding
}
