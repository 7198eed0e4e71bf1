/**
 * Watch mode for the commands that work on models (`check --watch`, `render --watch`): the
 * run in the watch loop, re-planned each time (so an edited config counts), watching the
 * config, the model folders and every project file the models import.
 */
import path from 'node:path'
import { isDynamicPattern } from 'tinyglobby'
import type { ModelPaths } from '../config/load-config.js'
import type { Io } from '../io.js'
import { createModelLoader } from '../load/load-model.js'
import { projectDependencies } from '../run/dependencies.js'
import { watchLoop } from './watch-loop.js'

export interface ModelsRunner<Plan> {
  /** Settles flags and config afresh; throws on a bad config. */
  plan(): Promise<Plan>
  run(plan: Plan): Promise<number>
  /** The model paths the plan covers: their folders are watched whole, so a new model file counts. */
  models(plan: Plan): ModelPaths
  /** The model files the plan covers, each watched with every project file it imports. */
  modelFiles(plan: Plan): Promise<string[]>
  /** The config file, also while it is broken (then no plan can say where it is). */
  configFile: string | undefined
}

export function watchModels<Plan>(runner: ModelsRunner<Plan>, io: Io): Promise<number> {
  // The last plan that could be made: while the config is broken, the models it named are still watched.
  let latest: Plan | undefined
  return watchLoop(
    {
      run: async () => runner.run((latest = await runner.plan())),
      files: async () => {
        const plan = latest
        const config = runner.configFile
        if (plan === undefined) return config ? [config] : []
        const loader = createModelLoader(io.cwd)
        const { paths, base } = runner.models(plan)
        const roots = paths.map((given) => (isDynamicPattern(given) ? base : path.resolve(base, given)))
        const models = await runner.modelFiles(plan).catch(() => [])
        return [...(config ? [config] : []), ...roots, ...models.flatMap((file) => projectDependencies(file, loader))]
      },
    },
    io,
  )
}
