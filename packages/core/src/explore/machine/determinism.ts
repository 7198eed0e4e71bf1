/**
 * A probe for model code that is not a function of the snapshot and the event (a guard or
 * an action reading `Math.random()`, the clock, a counter outside the machine, an id made
 * at random): the steps of a few visited snapshots are taken twice and their outcomes
 * compared. Such a machine has no set of states to enumerate, and would otherwise be
 * explored until a bound stops it, every run differently. The first states are probed,
 * then ever sparser ones (each power of two), so the cost stays far below a search's.
 */
import { describeThrown } from '../describe.js'

const FIRST_PROBED = 64
const SHOWN_LENGTH = 200

/** Whether the steps of visited snapshot `index` are taken twice. */
export function isProbed(index: number): boolean {
  return index < FIRST_PROBED || (index & (index - 1)) === 0
}

/** How one run of a step ended. */
export type StepOutcome =
  | { kind: 'threw'; error: unknown }
  | { kind: 'nothing' }
  | { kind: 'snapshot'; high: number; low: number; shown: unknown }

export function sameOutcome(first: StepOutcome, second: StepOutcome): boolean {
  if (first.kind === 'snapshot' && second.kind === 'snapshot')
    return first.high === second.high && first.low === second.low
  return first.kind === second.kind
}

/** The explore/error message: the event, and the two outcomes. */
export function nondeterministicMessage(event: string, first: StepOutcome, second: StepOutcome): string {
  return `${event} is not deterministic: sent twice to the same snapshot, it led first to ${describeOutcome(first)}, then to ${describeOutcome(second)}. The machine's code reads something besides the snapshot and the event (Math.random(), the clock, a variable outside the machine, an id made at random), so its states cannot be enumerated: make it a function of context and event (a spawned actor needs no id: XState's own are named canonically). Exploration stopped here`
}

function describeOutcome(outcome: StepOutcome): string {
  switch (outcome.kind) {
    case 'threw':
      return `an error (${describeThrown(outcome.error)})`
    case 'nothing':
      return 'no change'
    case 'snapshot': {
      const shown = JSON.stringify(outcome.shown) ?? String(outcome.shown)
      return shown.length <= SHOWN_LENGTH ? shown : `${shown.slice(0, SHOWN_LENGTH)}…`
    }
  }
}
