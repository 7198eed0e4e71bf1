/**
 * The models of a run, each loaded and checked on this thread, for the commands that need
 * the validated model beside its findings (`questions`, `render`) rather than a report
 * (`check`, which checks in worker threads, watched). Every load failure is thrown at once
 * (ModelLoadErrors, exit 2), and so is a model's call of process.exit() or a rejection it left
 * unhandled. What the models
 * print goes to stderr (`model-output.ts`). Their code runs on this thread without a
 * watchdog: a guard that never returns is not stopped here. Their explorations stop short of
 * the memory bound (`memory.ts`), measured on this thread.
 */
import { checkSystem, type CheckOptions, type SystemCheck } from '@plumbline/core'
import type { ModelPaths } from '../config/load-config.js'
import type { Io } from '../io.js'
import { ModelLoadError } from '../errors.js'
import { findModelFiles } from '../load/find-model-files.js'
import { loadModels, ModelLoadErrors, type LoadedModel } from '../load/load-models.js'
import type { Freshness } from './model-command.js'
import { memoryInUseMb, withMemoryBoundOnThisThread } from './memory.js'
import { captureModelOutput } from './model-output.js'

export interface CheckedSystem extends LoadedModel {
  check: SystemCheck
}

export async function checkSystems(
  models: ModelPaths,
  io: Io,
  options: Freshness & {
    checkOptions: CheckOptions
    /** A model file's result from before, where it still holds (watch mode): that file is not loaded again. */
    reuse?: (file: string) => CheckedSystem | undefined
  },
): Promise<CheckedSystem[]> {
  // Checked on this thread: its own heap is what the memory bound measures.
  const checkOptions = { ...withMemoryBoundOnThisThread(options.checkOptions), memoryInUseMb }
  // What the models print goes to stderr, prefixed with their file: stdout is for the command's output.
  const output = captureModelOutput()
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
        check: await output.as(model.shown, () => checkSystem(model.exported, checkOptions)),
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
