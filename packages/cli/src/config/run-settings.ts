/**
 * What every command that checks models takes from the config file and its flags, settled
 * once: the config, which models, and how to check them (the config's rules, packs and
 * exploration bounds, with the flags on top). `check`, `questions` and `render` start here,
 * so a config setting means the same in each.
 */
import {
  isPackSource,
  packSource,
  resolvePacks,
  type CheckOptions,
  type ChecklistPack,
  type SeveritySettings,
} from '@plumbline/core'
import { UsageError } from '../errors.js'
import type { Io } from '../io.js'
import { createModelLoader } from '../load/load-model.js'
import type { Freshness } from '../run/model-command.js'
import { settableIds, unknownRuleMessage } from '../output/text/unknown-rule.js'
import { checkOptionsFrom, type CheckOptionFlags } from './check-options.js'
import { loadConfig, modelPathsFrom, type LoadedConfig, type ModelPaths } from './load-config.js'

export interface RunSettings {
  /** The config file, where there is one. */
  config: LoadedConfig | undefined
  models: ModelPaths
  checkOptions: CheckOptions
  /** The config's bound on one call into the model's code (`explore.stepTimeout`), for the watchdog. */
  stepTimeoutMs: number | undefined
}

export interface RunFlags extends CheckOptionFlags {
  /** `--config`: the config file, instead of the one found from the working directory upwards. */
  config?: string
}

export async function settleRun(
  paths: readonly string[],
  flags: RunFlags,
  io: Io,
  options: Freshness,
): Promise<RunSettings> {
  const config = await loadConfig(io.cwd, flags.config, createModelLoader(io.cwd, options))
  checkPackSettings(flags.rule, config?.config.packs)
  return {
    config,
    models: modelPathsFrom(paths, config, io.cwd),
    checkOptions: checkOptionsFrom(config?.config, flags),
    stepTimeoutMs: config?.config.explore?.stepTimeout,
  }
}

/** `--rule pack:x=…` names a pack the run asks: a built-in one or the config's. */
function checkPackSettings(settings: SeveritySettings | undefined, configPacks: readonly ChecklistPack[] | undefined) {
  const packs = resolvePacks(configPacks)
  const known = new Set(packs.map(packSource))
  for (const id of Object.keys(settings ?? {}))
    if (isPackSource(id) && !known.has(id))
      throw new UsageError(`--rule: ${unknownRuleMessage(id, settableIds(packs))}`)
}
