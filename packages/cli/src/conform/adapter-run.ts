/**
 * `plumbline conform ADAPTER.ts`: loads the adapter file, runs core's `conform` on it and
 * reports as `check` does, in every format (JSON with the coverage figures). Exit 0 when the
 * real system conforms, 1 on a divergence at error level, 2 when the adapter cannot be used
 * (a file that does not load, an adapter that names no store of its model, an operation
 * left unbound: each problem named with the file and the element of the binding).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import {
  AdapterError,
  buildReport,
  conform,
  freshSeed,
  toDiagnostics,
  type CheckOptions,
  type ConformOptions,
  type ModelReport,
} from '@plumbline/core'
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors.js'
import type { Io } from '../io.js'
import { displayPath } from '../load/find-model-files.js'
import { createModelLoader } from '../load/load-model.js'
import { resolveTargets } from '../output/targets.js'
import { writeReports } from '../output/write-reports.js'
import type { CheckKind } from '../run/list-checks.js'
import { DEFAULT_MAX_LENGTH, type ConformFlags } from './conform-flags.js'

/**
 * `settings`: the severities and bounds of the config and the flags (`checkOptionsFrom`), and
 * the step timeout (`--step-timeout` or the config's `explore.stepTimeout`).
 */
export async function runAdapter(
  file: string,
  flags: ConformFlags,
  io: Io,
  settings: CheckOptions & { stepTimeoutMs: number | undefined },
): Promise<number> {
  const absolute = path.resolve(io.cwd, file)
  const shown = displayPath(absolute, io.cwd)
  if (!existsSync(absolute)) throw new UsageError(`${shown}: no such file`)
  const targets = resolveTargets(flags.format, flags.outputFile ?? [])
  const adapter = await createModelLoader(io.cwd).load(absolute, 'adapter')
  const random =
    flags.random === undefined
      ? undefined
      : { count: flags.random, seed: flags.seed ?? freshSeed(), maxLength: flags.maxLength ?? DEFAULT_MAX_LENGTH }
  // Printed first: a run that is stopped or crashes can still be replayed.
  if (random !== undefined)
    io.stderr.write(
      `random sequences: seed ${random.seed} (replay with --random ${random.count} --seed ${random.seed} --max-length ${random.maxLength})\n`,
    )
  const options: ConformOptions = {
    paths: flags.paths ?? 'transitions',
    rejections: flags.rejections === true,
    ...(settings.bounds === undefined ? {} : { bounds: settings.bounds }),
    ...(settings.stepTimeoutMs === undefined ? {} : { stepTimeoutMs: settings.stepTimeoutMs }),
    ...(random === undefined ? {} : { random }),
  }
  let result: Awaited<ReturnType<typeof conform>>
  try {
    result = await conform(adapter, options)
  } catch (error) {
    if (error instanceof AdapterError)
      throw new UsageError(
        error.problems
          .map(({ element, message }) => `${shown}: ${element === '' ? '' : `${element}: `}${message}`)
          .join('\n'),
        { cause: error },
      )
    throw error
  }
  const model: ModelReport = {
    file: shown,
    system: result.system,
    diagnostics: toDiagnostics(result.findings, settings.severities ?? {}).map((diagnostic) => ({
      ...diagnostic,
      location: { file: shown },
    })),
    exploration: [result.exploration],
    decided: [],
    // Conformance runs ask nothing: the questions are check's.
    questions: [],
    conformance: [result.conformance],
  }
  // Through JSON, as every format prints it (observed rows may hold dates and the like).
  const report = buildReport([JSON.parse(JSON.stringify(model)) as ModelReport])
  const kind: CheckKind = result.conformance.element.startsWith('machines') ? 'machine' : 'store'
  await writeReports(
    report,
    targets,
    { checks: new Map([[shown, [{ kind, element: result.conformance.element }]]]) },
    io,
  )
  return report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN
}
