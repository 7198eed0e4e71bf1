/**
 * Finds and loads `plumbline.config.ts`: the one `--config` names, else the first found
 * walking up from the working directory. Loaded with the models' loader (TypeScript, no
 * build step). A config that does not load or has a bad key or value stops the run (exit 2)
 * with every problem, each named by its key.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { DEFAULT_MODEL_PATHS } from '../help.js'
import { displayPath } from '../load/find-model-files.js'
import type { ModelLoader } from '../load/load-model.js'
import type { PlumblineConfig } from './define-config.js'

const CONFIG_NAMES = ['plumbline.config.ts', 'plumbline.config.mts', 'plumbline.config.js', 'plumbline.config.mjs']

export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string
  /** Its folder: paths in the config are relative to it. */
  dir: string
  config: PlumblineConfig
}

export async function loadConfig(
  cwd: string,
  named: string | undefined,
  loader: ModelLoader,
): Promise<LoadedConfig | undefined> {
  const file = configFileFor(cwd, named)
  if (file === undefined) return undefined
  if (!existsSync(file)) throw new UsageError(`${named ?? file}: no such config file`)
  const config = await loader.load(file, 'config')
  // Imported here, not at the top: the config's shape is checked with zod, which a run without a config does not load.
  const { configProblems } = await import('./config-shape.js')
  const problems = configProblems(config)
  const shown = displayPath(file, cwd)
  if (problems.length > 0) throw new UsageError(problems.map((problem) => `${shown}: ${problem}`).join('\n'))
  return { file, dir: path.dirname(file), config: config as PlumblineConfig }
}

/** Model files, folders or globs, and the folder they are relative to. */
export interface ModelPaths {
  paths: readonly string[]
  base: string
}

/** The model paths a command works on: those given, else the config's (relative to it), else `models`. */
export function modelPathsFrom(given: readonly string[], loaded: LoadedConfig | undefined, cwd: string): ModelPaths {
  if (given.length > 0) return { paths: given, base: cwd }
  if (loaded?.config.models) return { paths: loaded.config.models, base: loaded.dir }
  return { paths: DEFAULT_MODEL_PATHS, base: cwd }
}

/** The config file a run uses: the one named, else the nearest found from `cwd` upwards. */
export function configFileFor(cwd: string, named: string | undefined): string | undefined {
  return named === undefined ? findConfig(cwd) : path.resolve(cwd, named)
}

/** The nearest config from `cwd` upwards, looking no higher than `top` where it is given (`plumbline mcp`'s root). */
export function findConfig(cwd: string, top?: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name)
      if (existsSync(candidate)) return candidate
    }
    if (path.dirname(dir) === dir || (top !== undefined && dir === path.resolve(top))) return undefined
  }
}
