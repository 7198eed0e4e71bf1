/** The scale models by name, as the peers build them: `counters-store 6` is 6 counters in 0..9. */
import { countersMachine } from '../models/counters-machine.js'
import { countersLiveness, countersStore } from '../models/counters-store.js'
import { filterLock } from '../models/filter-lock.js'
import { users } from '../models/users.js'

export const COUNTER_TOP = 10

export type Family =
  | 'counters-store'
  | 'counters-machine'
  | 'filter-lock'
  | 'counters-liveness'
  | 'users-symmetric'
  | 'users-plain'

export function storeOf(family: Family, size: number) {
  if (family === 'counters-store') return countersStore(size, COUNTER_TOP)
  if (family === 'counters-liveness') return countersLiveness(size, COUNTER_TOP)
  if (family === 'users-symmetric') return users(size, true)
  if (family === 'users-plain') return users(size, false)
  if (family === 'filter-lock') return filterLock(size)
  throw new Error(`${family} is not a store`)
}

export function machineOf(family: Family, size: number) {
  if (family === 'counters-machine') return countersMachine(size, COUNTER_TOP)
  throw new Error(`${family} is not a machine`)
}

/** What a peer prints, one JSON line on stdout. */
export interface PeerResult {
  states: number
  transitions: number
  /** The timed part, in the peer's own process. */
  ms: number
  /** The peer's own peak resident set, in kB. */
  maxRssKb: number
  /** The bare peer also times the engine, in turn with itself in the same process. */
  engineMs?: number
}

export function report(result: Omit<PeerResult, 'maxRssKb'>): void {
  process.stdout.write(`${JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS })}\n`)
}

export function parseArguments(): { family: Family; size: number } {
  const [family, size] = process.argv.slice(2)
  return { family: family as Family, size: Number(size) }
}
