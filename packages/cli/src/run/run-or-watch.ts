/**
 * The commands that work on models (`check`, `render`) run once, or with --watch, again on
 * every save. Each is a plan (flags and config settled) and a run of that plan; the watch
 * loop, and the parser it needs to find what a model imports, are loaded only for --watch.
 */
import { configFileFor, type ModelPaths } from '../config/load-config.js'
import type { Io } from '../io.js'

/** `fresh`: load the config and models afresh, past the module cache (watch mode, where they change). */
export interface Freshness {
  fresh: boolean
}

export interface ModelCommand<Plan> {
  /** Settles flags and config; throws on a bad config. */
  plan(options: Freshness): Promise<Plan>
  /** One run; returns its exit code. */
  run(plan: Plan, options: Freshness): Promise<number>
  /** The model paths the plan covers: their folders are watched whole, so a new model file counts. */
  models(plan: Plan): ModelPaths
  /** The model files the plan covers, each watched with every project file it imports. */
  modelFiles(plan: Plan): Promise<string[]>
}

export async function runOrWatch<Plan>(
  command: ModelCommand<Plan>,
  flags: { watch?: boolean; config?: string },
  io: Io,
): Promise<number> {
  if (!flags.watch) return command.run(await command.plan({ fresh: false }), { fresh: false })
  const { watchModels } = await import('../watch/watch-models.js')
  return watchModels(command, configFileFor(io.cwd, flags.config), io)
}
