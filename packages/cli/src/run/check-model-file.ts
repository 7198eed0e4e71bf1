/**
 * One model file, checked: loaded, checked by core, its findings placed at their lines in
 * the source. The same function runs on the main thread and in worker threads (a worker
 * loads the file itself: a model's functions cannot be sent between threads), and its
 * result is plain data, so it can come back from a worker unchanged.
 */
import { readFileSync } from 'node:fs'
import { checkSystem, type CheckOptions, type Interruption, type ModelReport } from '@plumbline/core'
import { ModelLoadError } from '../errors.js'
import { displayPath } from '../load/find-model-files.js'
import type { ModelLoader } from '../load/load-model.js'
import { fallbackName, systemExport } from '../load/load-models.js'
import { listChecks, type CheckItem } from './list-checks.js'

export interface CheckedModel {
  report: ModelReport
  /** What the model asks to be checked (JUnit's test cases). */
  checks: CheckItem[]
  /** Its shape is too broken for core to read it as a model: nothing can be asked of it (`plumbline mcp`'s questions). */
  malformed: boolean
  /**
   * The steps its explorations were stopped before, never having finished them (the watchdog's):
   * a check of the same model on another thread passes them on, so as not to hang where this one did.
   */
  interruptions: Interruption[]
}

export interface CheckFileContext {
  cwd: string
  loader: ModelLoader
  checkOptions: CheckOptions
  /** Told what is being done, for a watchdog: the model's code runs while loading and checking. */
  onPhase?: (phase: 'loading' | 'checking' | 'locating') => void
  /** What the model did so far that makes it an error (a process.exit() call, …), as a message (`model-output.ts`); undefined for none. */
  fault?: () => string | undefined
}

/** Throws ModelLoadError when the file cannot be loaded or is not a system. */
export async function checkModelFile(file: string, context: CheckFileContext): Promise<CheckedModel> {
  const { cwd, loader } = context
  const shown = displayPath(file, cwd)
  // A model that called process.exit() is reported as that, whatever came of the call.
  const exited = () => {
    const message = context.fault?.()
    if (message !== undefined) throw new ModelLoadError(shown, message)
  }
  context.onPhase?.('loading')
  let exported: object
  try {
    exported = systemExport(await loader.load(file), shown)
  } catch (error) {
    exited()
    throw error
  }
  exited()
  context.onPhase?.('checking')
  const result = await checkSystem(exported, context.checkOptions)
  exited()
  context.onPhase?.('locating')
  // The parser is loaded only for a model with findings to place: a clean run never pays for it.
  const locator =
    result.diagnostics.length === 0
      ? undefined
      : (await import('../locate/locate-elements.js')).createLocator(file, {
          readText,
          resolveImport: loader.resolve,
          display: (f) => displayPath(f, cwd),
        })
  const report: ModelReport = {
    file: shown,
    system: result.system ?? fallbackName(file),
    diagnostics: result.diagnostics.map((diagnostic) => ({
      ...diagnostic,
      location: diagnostic.location ?? locator?.locate(diagnostic.element) ?? { file: shown },
    })),
    exploration: result.exploration,
    decided: result.decided,
    questions: result.questions,
  }
  return {
    // Through JSON, as every format prints it: the same model gives the same data whichever thread checked it.
    report: JSON.parse(JSON.stringify(report)) as ModelReport,
    checks: result.model ? listChecks(result.model) : [],
    malformed: result.model === undefined,
    interruptions: [...(context.checkOptions.interruptions ?? [])],
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
