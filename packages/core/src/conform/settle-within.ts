/**
 * One call into an adapter (setup, an operation or event, observe, teardown), bounded in
 * time: a promise that never settles, or one that takes an hour, would otherwise hang the run
 * (or, with nothing else pending, end the process with Node's exit code 13). Only a wait is
 * bounded: a synchronous loop holds the thread, and no timer fires until it returns.
 */
import { showMs } from '../explore/describe.js'

export type Settled<T> = { value: T } | { thrown: unknown } | { unsettled: string }

/** `unsettled` holds the words for the message: `did not settle within 10 s`. */
export async function settleWithin<T>(call: () => T | PromiseLike<T>, limitMs: number): Promise<Settled<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const bound = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ unsettled: `did not settle within ${showMs(limitMs)}` }), limitMs)
  })
  // A late rejection is handled here, so an abandoned call never becomes an unhandled one.
  const settled = Promise.resolve()
    .then(call)
    .then(
      (value): Settled<T> => ({ value }),
      (thrown: unknown): Settled<T> => ({ thrown }),
    )
  try {
    return await Promise.race([settled, bound])
  } finally {
    clearTimeout(timer)
  }
}
