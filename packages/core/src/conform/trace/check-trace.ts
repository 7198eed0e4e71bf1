/**
 * A recorded trace checked against a store or a machine of the model, streamed: lines come
 * one at a time from an async iterable (a file read with readline), and only the model's
 * current state is kept, so memory does not grow with the trace. Stops at the first line
 * that does not conform; a malformed line throws `TraceLineError` naming it.
 */
import type { Model } from '../../model/model.js'
import { unknownName } from '../../model/suggest.js'
import { MachineTraceChecker } from './machine-trace.js'
import { StoreTraceChecker } from './store-trace.js'
import { TraceTargetError } from './trace-line-error.js'
import type { TraceChecker, TraceOutcome } from './types.js'

/** What the trace was recorded from: one store or one machine of the model, by id. */
export type TraceTarget = { store: string; machine?: undefined } | { machine: string; store?: undefined }

/** The checker for the target; throws `TraceTargetError` for an id the model does not have. */
export function traceChecker(model: Model, target: TraceTarget): TraceChecker {
  if (target.store !== undefined) {
    const store = model.stores[target.store]
    if (store === undefined) throw new TraceTargetError(unknownName('store', target.store, Object.keys(model.stores)))
    return new StoreTraceChecker(target.store, store)
  }
  const machine = model.machines[target.machine]
  if (machine === undefined)
    throw new TraceTargetError(unknownName('machine', target.machine, Object.keys(model.machines)))
  return new MachineTraceChecker(target.machine, machine)
}

/** Checks every line in order; blank lines are skipped (but counted, so line numbers are the file's). */
export async function checkTrace(
  model: Model,
  target: TraceTarget,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<TraceOutcome> {
  const checker = traceChecker(model, target)
  let line = 0
  let steps = 0
  for await (const text of lines) {
    line++
    if (isBlank(text)) continue
    steps++
    const failure = checker.check(text, line)
    if (failure !== undefined) return { lines: line, steps, failure, ...noted(checker) }
  }
  return { lines: line, steps, ...noted(checker) }
}

function noted(checker: TraceChecker): Pick<TraceOutcome, 'outsideDomain'> {
  const note = checker.outsideDomainNote
  return note === undefined ? {} : { outsideDomain: note }
}

function isBlank(text: string): boolean {
  return text.length === 0 || text.trim().length === 0
}
