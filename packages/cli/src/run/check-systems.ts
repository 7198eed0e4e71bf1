/**
 * The models of a run, each loaded and checked on this thread, for the commands that need
 * the validated model beside its findings (`render`, mcp's render) rather than a report
 * (`check`, `questions`). A model's code may not return, and this thread cannot be stopped: so
 * the files are checked first in worker threads, watched (`check-files.ts`), which is where a
 * file that never loads becomes a load error and a step that never returns is found; the
 * explorations here then stop just before those steps (`interruptions`), with the findings
 * `check` reports for them. The price is every exploration twice; what this thread checks is
 * then the very model it draws, with its findings exactly as core gives them (not through JSON).
 *
 * Every load failure is thrown at once (ModelLoadErrors, exit 2), and so is a model's call of
 * process.exit() or a rejection it left unhandled. What the models print goes to stderr once,
 * from the first check (`model-output.ts`). The explorations here stop short of the memory
 * bound (`memory.ts`), measured on this thread.
 */
import { checkSystem, type CheckOptions, type Interruption, type SystemCheck } from '@plumbline/core'
import type { ModelPaths } from '../config/load-config.js'
import type { Io } from '../io.js'
import { ModelLoadError } from '../errors.js'
import { findModelFiles } from '../load/find-model-files.js'
import { loadModels, ModelLoadErrors, type LoadedModel } from '../load/load-models.js'
import { checkFiles } from './check-files.js'
import type { Freshness } from './model-command.js'
import { memoryInUseMb, withMemoryBoundOnThisThread } from './memory.js'
import { captureModelOutput } from './model-output.js'

export interface CheckedSystem extends LoadedModel {
  check: SystemCheck
}

export interface CheckSystemsOptions extends Freshness {
  checkOptions: CheckOptions
  /** A model file's result from before, where it still holds (watch mode): that file is not loaded again. */
  reuse?: (file: string) => CheckedSystem | undefined
  /** The longest one call into the model's code may run in the watched check; 10 s by default. */
  stepTimeoutMs?: number | undefined
}

export async function checkSystems(models: ModelPaths, io: Io, options: CheckSystemsOptions): Promise<CheckedSystem[]> {
  const interruptions = await watchedInterruptions(models, io, options)
  // Checked on this thread: its own heap is what the memory bound measures.
  const checkOptions = { ...withMemoryBoundOnThisThread(options.checkOptions), memoryInUseMb }
  // The watched check printed what the models print: here it is heard (an exit, a rejection), not shown again.
  const output = captureModelOutput({ stderr: () => {} })
  try {
    const loaded = await loadModels(models.paths, io.cwd, {
      base: models.base,
      fresh: options.fresh,
      around: (shown, run) => output.as(shown, run),
      skip: (file) => options.reuse?.(file) !== undefined,
    })
    const checked: CheckedSystem[] = []
    for (const model of loaded)
      checked.push({
        ...model,
        check: await output.as(model.shown, () =>
          checkSystem(model.exported, { ...checkOptions, interruptions: interruptions.get(model.file) ?? [] }),
        ),
      })
    const exits = checked.flatMap(({ shown }) => {
      const message = output.fault(shown)
      return message === undefined ? [] : [new ModelLoadError(shown, message)]
    })
    if (exits.length > 0) throw new ModelLoadErrors(exits)
    if (options.reuse === undefined) return checked
    const reuse = options.reuse
    const fresh = new Map(checked.map((system) => [system.file, system]))
    // In the files' order, as a run that loads them all gives them.
    return (await findModelFiles(models.paths, models.base)).flatMap((file) => {
      const system = fresh.get(file) ?? reuse(file)
      return system === undefined ? [] : [system]
    })
  } finally {
    output.restore()
  }
}

/**
 * The files checked in watched workers first: the steps each file's explorations must stop
 * before, by file. Throws the load errors (a file that never loads, or throws) as check does.
 */
async function watchedInterruptions(
  models: ModelPaths,
  io: Io,
  options: CheckSystemsOptions,
): Promise<Map<string, readonly Interruption[]>> {
  const files = (await findModelFiles(models.paths, models.base)).filter((file) => options.reuse?.(file) === undefined)
  const checked = await checkFiles(files, {
    cwd: io.cwd,
    checkOptions: options.checkOptions,
    fresh: options.fresh,
    ...(options.stepTimeoutMs === undefined ? {} : { stepTimeoutMs: options.stepTimeoutMs }),
  })
  return new Map(files.map((file, index) => [file, checked[index]?.interruptions ?? []]))
}
