/**
 * All the models a command works on: find the files, load each, and stop with every load
 * failure at once (exit 2) rather than the first, so one run shows everything to fix.
 */
import path from 'node:path'
import { ModelLoadError, UsageError } from '../errors.js'
import { describeValue, isPlainObject } from '@plumbline/core'
import { displayPath, findModelFiles } from './find-model-files.js'
import { createModelLoader } from './load-model.js'

export interface LoadedModel {
  /** Absolute path. */
  file: string
  /** As shown to the user and in reports. */
  shown: string
  /** The file's default export (an object; its shape is checked by core). */
  exported: object
  /** The name a model without a valid `name` is reported under: the file's base name. */
  fallbackName: string
}

export class ModelLoadErrors extends UsageError {
  constructor(readonly errors: readonly ModelLoadError[]) {
    super(errors.map((error) => error.message).join('\n'))
  }
}

/**
 * `base`: the folder the paths are relative to (the config's, for its `models`); `cwd` by default.
 * `around`: runs each file's loading (to capture what the model prints, `run/model-output.ts`).
 */
export async function loadModels(
  paths: readonly string[],
  cwd: string,
  options: {
    fresh?: boolean
    base?: string
    around?: <T>(shown: string, run: () => Promise<T>) => Promise<T>
    /** Files not to load (their results are at hand): left out of what is returned. */
    skip?: (file: string) => boolean
  } = {},
): Promise<LoadedModel[]> {
  const files = (await findModelFiles(paths, options.base ?? cwd)).filter((file) => options.skip?.(file) !== true)
  const loader = createModelLoader(cwd, { fresh: options.fresh === true })
  const loaded: LoadedModel[] = []
  const failures: ModelLoadError[] = []
  for (const file of files) {
    const shown = displayPath(file, cwd)
    try {
      const load = () => loader.load(file)
      const exported = systemExport(await (options.around ? options.around(shown, load) : load()), shown)
      loaded.push({ file, shown, exported, fallbackName: fallbackName(file) })
    } catch (error) {
      if (!(error instanceof ModelLoadError)) throw error
      failures.push(error)
    }
  }
  if (failures.length > 0) throw new ModelLoadErrors(failures)
  return loaded
}

/**
 * A model file's default export, when it can be a system: a plain object (core checks its
 * shape). Anything else, a machine or a schema included, is not a model of a system at all.
 */
export function systemExport(exported: unknown, shown: string): object {
  if (!isPlainObject(exported))
    throw new ModelLoadError(
      shown,
      `its default export is not a system: expected defineSystem({ … }), got ${describeValue(exported)}`,
    )
  return exported
}

/** The name a model without a valid `name` is reported under: the file's base name. */
export function fallbackName(file: string): string {
  return path.basename(file).replace(/\.[cm]?[jt]s$/, '')
}
