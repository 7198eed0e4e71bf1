/**
 * The models of a run, each loaded and checked on this thread, for the commands that need
 * the validated model beside its findings (`questions`, `render`) rather than a report
 * (`check`, which checks in worker threads too). Every load failure is thrown at once
 * (ModelLoadErrors, exit 2).
 */
import { checkSystem, type CheckOptions, type SystemCheck } from '@plumbline/core'
import type { ModelPaths } from '../config/load-config.js'
import type { Io } from '../io.js'
import { loadModels, type LoadedModel } from '../load/load-models.js'
import type { Freshness } from './model-command.js'

export interface CheckedSystem extends LoadedModel {
  check: SystemCheck
}

export async function checkSystems(
  models: ModelPaths,
  io: Io,
  options: Freshness & { checkOptions: CheckOptions },
): Promise<CheckedSystem[]> {
  const loaded = await loadModels(models.paths, io.cwd, { base: models.base, fresh: options.fresh })
  const checked: CheckedSystem[] = []
  for (const model of loaded) checked.push({ ...model, check: await checkSystem(model.exported, options.checkOptions) })
  return checked
}
