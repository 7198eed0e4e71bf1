/**
 * The options that bound each exploration (`check`, and any command that explores):
 * `--max-states`, `--max-depth`, `--timeout`. Hitting a bound is reported as
 * explore/incomplete, never as a pass; `--fail-on-incomplete` makes that an error. And
 * `--step-timeout`, the limit on one call into a model's code (explore/error for a step, a
 * load error for a file), and `--max-memory`, the memory one model's check may hold.
 */
import { DEFAULT_BOUNDS } from '@plumbline/core'
import { InvalidArgumentError, Option } from 'commander'
import { groupDigits } from '../output/text/numbers.js'

/**
 * No commander defaults: a flag given overrides the config's \`explore\` section, and what
 * neither sets is core's default (\`DEFAULT_BOUNDS\`, shown in the help).
 */
export function maxStatesOption(): Option {
  return new Option(
    '--max-states <count>',
    `stop each exploration after this many distinct states (default: ${groupDigits(DEFAULT_BOUNDS.maxStates)})`,
  ).argParser(wholeNumber)
}

export function maxDepthOption(): Option {
  return new Option('--max-depth <steps>', 'explore at most this many steps from the initial state').argParser(
    wholeNumber,
  )
}

export function timeoutOption(): Option {
  return new Option(
    '--timeout <duration>',
    'time bound per exploration, e.g. 500ms, 30s, 2m (a bare number is seconds)',
  ).argParser(duration)
}

export function stepTimeoutOption(): Option {
  return new Option(
    '--step-timeout <duration>',
    "the longest one call into a model's code may run (loading a model file, one step of an exploration) before it is stopped and reported (default: 10s)",
  ).argParser(duration)
}

export function maxMemoryOption(): Option {
  return new Option(
    '--max-memory <MB>',
    `the memory one model's check may hold, in megabytes: an exploration that would hold more stops, reported incomplete (default: half the machine's memory, shared among the worker threads; at least ${MIN_MEMORY_MB})`,
  ).argParser(megabytes)
}

/** Below this the checker itself (xstate, zod, the model) does not fit. */
export const MIN_MEMORY_MB = 64

function megabytes(text: string): number {
  const value = wholeNumber(text)
  if (value < MIN_MEMORY_MB)
    throw new InvalidArgumentError(
      `expected megabytes, at least ${MIN_MEMORY_MB} (the checker itself needs about that)`,
    )
  return value
}

export function failOnIncompleteOption(): Option {
  return new Option(
    '--fail-on-incomplete',
    'make explore/incomplete an error: a run whose exploration stopped at a bound fails (CI)',
  )
}

function wholeNumber(text: string): number {
  const value = Number(text.replaceAll('_', ''))
  if (!/^\d[\d_]*$/.test(text.trim()) || !Number.isSafeInteger(value))
    throw new InvalidArgumentError('expected a whole number, e.g. 100000')
  return value
}

const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const

/** In milliseconds. */
export function duration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim())
  if (!match) throw new InvalidArgumentError('expected a duration, e.g. 500ms, 30s, 2m')
  return Number(match[1]) * UNITS[(match[2] ?? 's') as keyof typeof UNITS]
}
