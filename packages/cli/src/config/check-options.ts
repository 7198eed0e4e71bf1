/** What the config says about checking, as core's `CheckOptions`. Flags (`--rule`, `--max-states`, …) go on top. */
import type { CheckOptions, ExplorationBounds } from '@plumbline/core'
import type { PlumblineConfig } from './define-config.js'

export function checkOptionsFrom(config: PlumblineConfig | undefined): CheckOptions {
  const options: CheckOptions = {}
  if (config?.rules) options.severities = config.rules
  if (config?.explore) {
    const { maxStates, maxDepth, timeout } = config.explore
    const bounds: Partial<ExplorationBounds> = {}
    if (maxStates !== undefined) bounds.maxStates = maxStates
    if (maxDepth !== undefined) bounds.maxDepth = maxDepth
    if (timeout !== undefined) bounds.timeoutMs = timeout
    options.bounds = bounds
  }
  // `packs` is typed from CheckOptions itself (see ConfigPacks), so it is passed as it is.
  if (config?.packs !== undefined) Object.assign(options, { packs: config.packs })
  return options
}
