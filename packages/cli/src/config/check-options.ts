/** What the config says about checking, as core's `CheckOptions`, with the flags' settings on top. */
import type { CheckOptions, ExplorationBounds, SeveritySettings } from '@plumbline/core'
import type { PlumblineConfig } from './define-config.js'

export interface CheckOptionFlags {
  /** `--rule id=severity`: each overrides that rule's setting in the config. */
  rule?: SeveritySettings
  /** Each overrides the same key of the config's `explore` section. */
  maxStates?: number
  maxDepth?: number
  /** Milliseconds. */
  timeout?: number
  /** Megabytes. */
  maxMemory?: number
  /** `--fail-on-incomplete`: over the config's `explore.failOnIncomplete`. */
  failOnIncomplete?: boolean
  /** `--coverage`: each exploration's stats say how often each operation was enabled and taken. */
  coverage?: boolean
  /** `--simulate n`, `--depth d`, `--seed s`: random behaviours after each store's and machine's search. */
  simulate?: number
  depth?: number
  seed?: number
}

const SIMULATION_DEPTH = 100

export function checkOptionsFrom(config: PlumblineConfig | undefined, flags: CheckOptionFlags = {}): CheckOptions {
  const options: CheckOptions = {}
  // Between the config's rules and --rule: the flag says what it means, and --rule is the finer word.
  const failOnIncomplete = flags.failOnIncomplete ?? config?.explore?.failOnIncomplete
  const incomplete = failOnIncomplete === true ? { 'explore/incomplete': 'error' as const } : {}
  if (config?.rules || flags.rule || failOnIncomplete === true)
    options.severities = { ...config?.rules, ...incomplete, ...flags.rule }
  const explore = {
    ...config?.explore,
    ...definedOnly({
      maxStates: flags.maxStates,
      maxDepth: flags.maxDepth,
      timeout: flags.timeout,
      maxMemory: flags.maxMemory,
    }),
  }
  if (Object.keys(explore).length > 0) {
    const { maxStates, maxDepth, timeout, maxMemory } = explore
    const bounds: Partial<ExplorationBounds> = {}
    if (maxStates !== undefined) bounds.maxStates = maxStates
    if (maxDepth !== undefined) bounds.maxDepth = maxDepth
    if (timeout !== undefined) bounds.timeoutMs = timeout
    if (maxMemory !== undefined) bounds.maxMemoryMb = maxMemory
    options.bounds = bounds
  }
  if (config?.packs !== undefined) options.packs = config.packs
  if (flags.coverage === true) options.coverage = true
  // Without --seed, a fresh one: every run prints its seed, so it can be replayed.
  if (flags.simulate !== undefined)
    options.simulate = {
      behaviours: flags.simulate,
      depth: flags.depth ?? SIMULATION_DEPTH,
      seed: flags.seed ?? Math.floor(Math.random() * 0x100000000),
    }
  return options
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>
}
