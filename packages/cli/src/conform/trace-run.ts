/**
 * `plumbline conform MODEL.ts --store ID|--machine ID --trace FILE.jsonl`: a trace recorded
 * from the running system, checked against one store or machine of the model. The file is
 * read a line at a time (readline over a read stream), never whole, so memory does not grow
 * with the trace. The result is a check report (the same envelope and formats as `check`),
 * whose one finding, if any, is placed at the trace file's line.
 */
import { open } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import {
  buildReport,
  checkTrace,
  ruleIds,
  severityOf,
  TraceLineError,
  TraceTargetError,
  validateSystem,
  type Diagnostic,
  type Report,
  type SeveritySettings,
  type TraceFailure,
  type TraceOutcome,
  type TraceTarget,
} from '@plumbline/core'
import { EXIT_CLEAN, EXIT_FINDINGS, ModelLoadError, UsageError } from '../errors.js'
import { displayPath } from '../load/find-model-files.js'
import { createModelLoader } from '../load/load-model.js'
import { systemExport } from '../load/load-models.js'
import { groupDigits } from '../output/text/numbers.js'

export interface TraceRunOptions {
  /** The model file, relative to `cwd` or absolute. */
  modelFile: string
  /** The store the trace was recorded from; exactly one of `store` and `machine`. */
  store?: string
  machine?: string
  /** The JSONL trace, relative to `cwd` or absolute. */
  traceFile: string
  cwd: string
  /** The config's and --rule's severities: a failure at a rule set off is no diagnostic; only one at error level fails the run. */
  severities: SeveritySettings
}

export interface TraceRun {
  /** What every format prints: the model with at most one diagnostic, located at the trace's line. */
  report: Report
  /** One line for stderr, e.g. `run.jsonl: 1,000 steps conform to stores.users`. */
  summary: string
  exitCode: typeof EXIT_CLEAN | typeof EXIT_FINDINGS
  outcome: TraceOutcome
}

/** Throws UsageError (exit 2) for a model that does not load, an unknown id, a trace file that cannot be read or a malformed line. */
export async function runTraceConformance(options: TraceRunOptions): Promise<TraceRun> {
  const { cwd } = options
  const target = targetOf(options)
  const modelFile = path.resolve(cwd, options.modelFile)
  const shownModel = displayPath(modelFile, cwd)
  const exported = systemExport(await createModelLoader(cwd).load(modelFile), shownModel)
  const validation = validateSystem(exported, ruleIds)
  if (!validation.success)
    throw new ModelLoadError(
      shownModel,
      `is not a valid model (${validation.findings[0]?.message ?? 'its shape is broken'}); plumbline check ${shownModel} says more`,
    )
  const traceFile = path.resolve(cwd, options.traceFile)
  const shownTrace = displayPath(traceFile, cwd)
  const lines = await readLines(traceFile, shownTrace)
  let outcome: TraceOutcome
  try {
    outcome = await checkTrace(validation.model, target, lines)
  } catch (error) {
    if (error instanceof TraceLineError) throw new UsageError(`${shownTrace}:${error.line}: ${error.reason}`)
    if (error instanceof TraceTargetError) throw new UsageError(`${shownModel}: ${error.message}`)
    throw error
  } finally {
    lines.close()
  }
  const element = target.store === undefined ? `machines.${target.machine}` : `stores.${target.store}`
  const noted =
    outcome.outsideDomain === undefined ? [] : diagnosticsOf(outcome.outsideDomain, shownTrace, options.severities)
  const diagnostics = [
    ...noted,
    ...(outcome.failure === undefined ? [] : diagnosticsOf(outcome.failure, shownTrace, options.severities)),
  ]
  const report = buildReport([
    { file: shownModel, system: validation.model.name, diagnostics, exploration: [], decided: [], questions: [] },
  ])
  const steps = (count: number) => `${groupDigits(count)} ${count === 1 ? 'step' : 'steps'}`
  const summary =
    outcome.failure === undefined
      ? `${shownTrace}: ${steps(outcome.steps)} checked, conforming to ${element}${noted.length === 0 ? '' : `, but line ${outcome.outsideDomain?.line} has params outside the model's domains (conform/trace-outside-domain)`}`
      : `${shownTrace}:${outcome.failure.line}: does not conform to ${element} (${outcome.failure.rule}), after ${steps(outcome.steps - 1)} that ${outcome.steps - 1 === 1 ? 'does' : 'do'}`
  return { report, summary, exitCode: report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN, outcome }
}

function targetOf({ store, machine }: TraceRunOptions): TraceTarget {
  if (store !== undefined && machine !== undefined)
    throw new UsageError('--trace: give --store ID or --machine ID, not both: a trace is recorded from one of them')
  if (store !== undefined) return { store }
  if (machine !== undefined) return { machine }
  throw new UsageError('--trace: say what the trace was recorded from: --store ID or --machine ID')
}

/** The file's lines, streamed; a file that cannot be opened is a usage error now, not an error event later. */
async function readLines(file: string, shown: string) {
  const handle = await open(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${shown}: cannot read the trace: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)
  })
  const input = handle.createReadStream({ encoding: 'utf8', highWaterMark: 1 << 16 })
  // crlfDelay: a \r\n is one line break, whenever the two arrive.
  return createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
}

/** The failure as a diagnostic at the trace's line, at its rule's severity; none when the rule is off. */
function diagnosticsOf(failure: TraceFailure, traceFile: string, severities: SeveritySettings): Diagnostic[] {
  const severity = severityOf(failure.rule, severities)
  if (severity === undefined) return []
  const placed: Diagnostic = {
    rule: failure.rule,
    severity,
    message: failure.message,
    element: failure.element,
    location: { file: traceFile, line: failure.line },
    // The trace starts where the model stood before the line; the line's step is its one step, where the model took it.
    initial: failure.before,
    ...(failure.after === undefined ? {} : { trace: [{ ...failure.step, state: failure.after }] }),
  }
  // Through JSON, as every format prints it (a machine's context may hold actor references).
  return [JSON.parse(JSON.stringify(placed)) as Diagnostic]
}
