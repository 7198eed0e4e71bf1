/**
 * `plumbline check --watch`: the check run in the watch loop, re-planned each time (so an
 * edited config counts), watching the config, the model folders and every project file the
 * models import.
 */
import path from 'node:path'
import { isDynamicPattern } from 'tinyglobby'
import type { CheckPlan } from '../commands/check.js'
import type { Io } from '../io.js'
import { createModelLoader } from '../load/load-model.js'
import { projectDependencies } from '../run/dependencies.js'
import { watchLoop } from './watch-loop.js'

export interface CheckRunner {
  /** Settles flags and config afresh; throws on a bad config. */
  plan(): Promise<CheckPlan>
  run(plan: CheckPlan): Promise<number>
  modelFiles(plan: CheckPlan): Promise<string[]>
  /** The config file, also while it is broken (then no plan can say where it is). */
  configFile: string | undefined
}

export function watchCheck(runner: CheckRunner, io: Io): Promise<number> {
  // The last plan that could be made: while the config is broken, the models it named are still watched.
  let latest: CheckPlan | undefined
  return watchLoop(
    {
      run: async () => runner.run((latest = await runner.plan())),
      files: async () => {
        const plan = latest
        const config = runner.configFile
        if (plan === undefined) return config ? [config] : []
        const loader = createModelLoader(io.cwd)
        const roots = plan.paths.map((given) => (isDynamicPattern(given) ? plan.base : path.resolve(plan.base, given)))
        const models = await runner.modelFiles(plan).catch(() => [])
        return [...(config ? [config] : []), ...roots, ...models.flatMap((file) => projectDependencies(file, loader))]
      },
    },
    io,
  )
}
