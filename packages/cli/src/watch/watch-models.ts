/**
 * Watch mode for the commands that work on models (`check --watch`, `render --watch`): the
 * run in the watch loop, re-planned each time (so an edited config counts) and loading
 * everything afresh, watching the config, the model folders and every project file the
 * models import. After a save, only the models made of the saved file (it, or a file it
 * imports) are checked again; the others' results are reused. A file added or removed, the
 * config, or a file no model is known to be made of, has every model checked again.
 */
import path from 'node:path'
import { isDynamicPattern } from 'tinyglobby'
import type { Io } from '../io.js'
import { createModelLoader } from '../load/load-model.js'
import { projectDependencies } from '../run/dependencies.js'
import type { ModelCommand } from '../run/model-command.js'
import { type Change, watchLoop } from './watch-loop.js'

/** `configFile`: watched also while it is broken (then no plan can say where it is). */
export function watchModels<Plan>(
  command: ModelCommand<Plan>,
  configFile: string | undefined,
  io: Io,
): Promise<number> {
  // The last plan that could be made: while the config is broken, the models it named are still watched.
  let latest: Plan | undefined
  // Each model file, with the project files it is made of, as of the last run.
  let madeOf = new Map<string, readonly string[]>()
  return watchLoop(
    {
      run: async (changes) => {
        latest = await command.plan({ fresh: true })
        return command.run(latest, { fresh: true, unchanged: unchangedModels(changes, madeOf) })
      },
      files: async () => {
        const plan = latest
        const config = configFile ? [configFile] : []
        if (plan === undefined) return config
        const loader = createModelLoader(io.cwd)
        const { paths, base } = command.models(plan)
        const roots = paths.map((given) => (isDynamicPattern(given) ? base : path.resolve(base, given)))
        const models = await command.modelFiles(plan).catch(() => [])
        madeOf = new Map(models.map((file) => [file, projectDependencies(file, loader)]))
        return [...config, ...roots, ...[...madeOf.values()].flat()]
      },
    },
    io,
  )
}

/** The models none of the changed files is part of; none at all unless every change is an edit of a file some model is made of. */
function unchangedModels(changes: readonly Change[], madeOf: ReadonlyMap<string, readonly string[]>): Set<string> {
  const parts = new Set([...madeOf.values()].flat())
  if (changes.length === 0 || changes.some(({ event, file }) => event !== 'change' || !parts.has(file)))
    return new Set()
  const changed = new Set(changes.map(({ file }) => file))
  return new Set([...madeOf].filter(([, files]) => !files.some((file) => changed.has(file))).map(([model]) => model))
}
