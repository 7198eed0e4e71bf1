/** Wording shared by the adapters' messages (and the CLI's, for what a model threw while loading). */
import { inspect } from 'node:util'

/** The longest a thrown value is shown: a message is one line of a report, not a dump. */
const MAX_LENGTH = 300

/**
 * What a model function threw, on one line: `TypeError: x is not a function`, an Error's
 * `cause` and an AggregateError's `errors` after it, and any other value as `util.inspect`
 * shows it (`{ weird: true } (thrown, not an Error)`), cut at MAX_LENGTH characters.
 */
export function describeThrown(thrown: unknown): string {
  return bounded(
    thrown instanceof Error ? describeError(thrown, 0) : `${inspectOneLine(thrown)} (thrown, not an Error)`,
  )
}

function describeError(error: Error, depth: number): string {
  const message = oneLine(typeof error.message === 'string' ? error.message : inspectOneLine(error.message))
  let text = message === '' ? error.name : `${error.name}: ${message}`
  // Errors nest (a cause's cause, an aggregate of aggregates): two levels say enough.
  if (depth >= 2) return text
  if (error instanceof AggregateError && Array.isArray(error.errors))
    text += ` [${error.errors.map((inner) => describeNested(inner, depth)).join('; ')}]`
  if ('cause' in error && error.cause !== undefined) text += ` (cause: ${describeNested(error.cause, depth)})`
  return text
}

function describeNested(value: unknown, depth: number): string {
  return value instanceof Error ? describeError(value, depth + 1) : inspectOneLine(value)
}

function inspectOneLine(value: unknown): string {
  return inspect(value, {
    depth: 2,
    breakLength: Number.POSITIVE_INFINITY,
    maxArrayLength: 10,
    maxStringLength: MAX_LENGTH,
  })
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

function bounded(text: string): string {
  return text.length <= MAX_LENGTH ? text : `${text.slice(0, MAX_LENGTH - 1)}…`
}

/** A time limit as a message shows it: `10 s`, `2.5 s`, `500 ms`. */
export function showMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(3))} s`
}
