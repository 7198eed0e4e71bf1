/**
 * Watch mode for the commands that work on models (`check --watch`, `render --watch`): the
 * run in the watch loop, re-planned each time (so an edited config counts) and loading
 * everything afresh, watching the config, the model folders and every project file the
 * models import.
 */
import path from 'node:path'
import { isDynamicPattern } from 'tinyglobby'
import type { Io } from '../io.js'
import { createModelLoader } from '../load/load-model.js'
import { projectDependencies } from '../run/dependencies.js'
import type { ModelCommand } from '../run/model-command.js'
import { watchLoop } from './watch-loop.js'

/** `configFile`: watched also while it is broken (then no plan can say where it is). */
export function watchModels<Plan>(
  command: ModelCommand<Plan>,
  configFile: string | undefined,
  io: Io,
): Promise<number> {
  // The last plan that could be made: while the config is broken, the models it named are still watched.
  let latest: Plan | undefined
  return watchLoop(
    {
      run: async () => {
        latest = await command.plan({ fresh: true })
        return command.run(latest, { fresh: true })
      },
      files: async () => {
        const plan = latest
        const config = configFile ? [configFile] : []
        if (plan === undefined) return config
        const loader = createModelLoader(io.cwd)
        const { paths, base } = command.models(plan)
        const roots = paths.map((given) => (isDynamicPattern(given) ? base : path.resolve(base, given)))
        const models = await command.modelFiles(plan).catch(() => [])
        return [...config, ...roots, ...models.flatMap((file) => projectDependencies(file, loader))]
      },
    },
    io,
  )
}
