/**
 * What one `plumbline mcp` tool call works on, confined to the roots (`roots.ts`): the config
 * (only one in the first root's own folder: a config is code too, and one further up would be
 * outside), the model files (the paths given, else the config's models, else `models/`), each
 * file confined once found, so a folder holding a link out loads nothing through it.
 */
import type { CheckOptions } from '@plumbline/core'
import { checkOptionsFrom } from '../config/check-options.js'
import { findConfig, loadConfig, modelPathsFrom, type LoadedConfig } from '../config/load-config.js'
import { displayPath, findModelFiles } from '../load/find-model-files.js'
import { createModelLoader } from '../load/load-model.js'
import { baseOf, confine, type Roots } from './roots.js'

export interface Project {
  /** The folder paths are relative to and files are shown from: the first root. */
  base: string
  config: LoadedConfig | undefined
  checkOptions: CheckOptions
  /** The config's `explore.stepTimeout`: the watchdog's limit on one call into a model's code. */
  stepTimeoutMs: number | undefined
}

export async function openProject(roots: Roots): Promise<Project> {
  const base = baseOf(roots)
  const found = findConfig(base, base)
  const file = found === undefined ? undefined : await confine(found, roots)
  const config = file === undefined ? undefined : await loadConfig(base, file, createModelLoader(base, { fresh: true }))
  return {
    base,
    config,
    checkOptions: checkOptionsFrom(config?.config),
    stepTimeoutMs: config?.config.explore?.stepTimeout,
  }
}

/** The model files `paths` name (none: the config's models, else `models/`), each inside the roots. */
export async function modelFiles(paths: readonly string[], project: Project, roots: Roots): Promise<string[]> {
  const confined: string[] = []
  for (const given of paths) {
    await confine(given, roots)
    confined.push(given)
  }
  const models = modelPathsFrom(confined, project.config, project.base)
  const files = await findModelFiles(models.paths, models.base)
  for (const file of files) await confine(displayPath(file, project.base), roots)
  return files
}
