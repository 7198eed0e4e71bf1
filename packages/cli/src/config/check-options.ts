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
}

export function checkOptionsFrom(config: PlumblineConfig | undefined, flags: CheckOptionFlags = {}): CheckOptions {
  const options: CheckOptions = {}
  if (config?.rules || flags.rule) options.severities = { ...config?.rules, ...flags.rule }
  const explore = {
    ...config?.explore,
    ...definedOnly({ maxStates: flags.maxStates, maxDepth: flags.maxDepth, timeout: flags.timeout }),
  }
  if (Object.keys(explore).length > 0) {
    const { maxStates, maxDepth, timeout } = explore
    const bounds: Partial<ExplorationBounds> = {}
    if (maxStates !== undefined) bounds.maxStates = maxStates
    if (maxDepth !== undefined) bounds.maxDepth = maxDepth
    if (timeout !== undefined) bounds.timeoutMs = timeout
    options.bounds = bounds
  }
  if (config?.packs !== undefined) options.packs = config.packs
  return options
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>
}
