/**
 * `plumbline check [paths..]`: validate every model; exit 0 clean, 1 with findings at error
 * level (with a baseline: new ones), 2 when the input cannot be used (thrown as UsageError,
 * handled in main).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { buildReport, type CheckOptions, type Report } from '@plumbline/core'
import { configuredBaseline } from '../baseline/baseline-name.js'
import { settleRun } from '../config/run-settings.js'
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors.js'
import { EXIT_CODES_HELP } from '../help.js'
import type { Io } from '../io.js'
import { compareFiles, displayPath, findModelFiles } from '../load/find-model-files.js'
import { checkFlagOptions, settingFrom, type CheckFlags } from '../options/check-flags.js'
import { progressLine } from '../progress.js'
import { resolveTargets, type Target } from '../output/targets.js'
import { writeReports } from '../output/write-reports.js'
import { checkFiles } from '../run/check-files.js'
import { duplicateSystems } from '../run/duplicate-systems.js'
import type { CheckedModel } from '../run/check-model-file.js'
import type { Freshness, RunOptions } from '../run/model-command.js'
import { runOrWatch } from '../run/run-or-watch.js'
import { shardFiles, type Shard } from '../run/shard.js'
import { plural } from '../output/text/plural.js'
import type { RegisterCommand } from './types.js'

export const registerCheck: RegisterCommand = (program, { io, setExitCode }) => {
  const command = program
    .command('check')
    .description('validate models: shape, names, rules, exploration')
    .argument('[paths...]', "model files, folders or globs (default: the config's models, else models/)")
  for (const option of checkFlagOptions) command.addOption(option)
  command
    .addHelpText(
      'after',
      `
Examples:
  $ plumbline check                      check every model under models/
  $ plumbline check models/accounts.ts   one file
  $ plumbline check models --format json > report.json
  $ plumbline check --rule failure/unhandled=error --rule identity/missing=off
  $ plumbline check --format github --output-file sarif=plumbline.sarif --output-file junit=plumbline.xml
                                         annotations on stdout, SARIF and JUnit in files (CI)
  $ plumbline check --shard 2/3          the second of three slices of the models (CI matrix)
  $ plumbline check --update-baseline    accept today's findings; later runs fail only on new ones
  $ plumbline check --watch              check again on every save
  $ plumbline check --max-states 100000 --timeout 30s
                                         bound each exploration (hitting a bound is reported, never a pass)
${EXIT_CODES_HELP}`,
    )
    .action(async (paths: string[], flags: CheckFlags) => {
      setExitCode(await checkCommand(paths, flags, io))
    })
}

/** Everything a check run needs, settled once from the flags and the config file. */
interface CheckPlan {
  /** Model paths or globs, and the folder they are relative to. */
  paths: readonly string[]
  base: string
  targets: Target[]
  checkOptions: CheckOptions
  shard: Shard | undefined
  workers: number | undefined
  /** The limit on one call into the model's code, in milliseconds (the watchdog's default where undefined). */
  stepTimeoutMs: number | undefined
  /** Absolute path of the baseline file (used when it exists, or written with --update-baseline). */
  baselineFile: string
  updateBaseline: boolean
}

function checkCommand(paths: readonly string[], flags: CheckFlags, io: Io): Promise<number> {
  // Each model file's result in the previous run, for watch mode to reuse where nothing it is made of changed.
  const previous = new Map<string, CheckedModel>()
  return runOrWatch(
    {
      plan: (options) => planCheck(paths, flags, io, options),
      run: (plan, options) => runCheck(plan, io, options, previous),
      models: (plan) => plan,
      modelFiles: (plan) => modelFilesOf(plan, io),
    },
    flags,
    io,
  )
}

async function planCheck(paths: readonly string[], flags: CheckFlags, io: Io, options: Freshness): Promise<CheckPlan> {
  // --depth read as --max-depth would leave a search unbounded without a word. (conform's --seed is its own.)
  if (flags.simulate === undefined && (flags.depth !== undefined || flags.seed !== undefined))
    throw new UsageError(
      `${flags.depth === undefined ? '--seed' : '--depth'} needs --simulate (the bound on the search's depth is --max-depth)`,
    )
  const { config: loaded, models, checkOptions } = await settleRun(paths, flags, io, options)
  const config = loaded?.config
  const configDir = loaded?.dir ?? io.cwd
  const baseline =
    flags.baseline === undefined
      ? configuredBaseline(configDir, config?.baseline)
      : path.resolve(io.cwd, flags.baseline)
  return {
    ...models,
    targets: resolveTargets(flags.format, flags.outputFile ?? []),
    checkOptions,
    shard: flags.shard,
    workers: settingFrom('workers', flags, config),
    stepTimeoutMs: flags.stepTimeout ?? config?.explore?.stepTimeout,
    baselineFile: baseline,
    updateBaseline: flags.updateBaseline === true,
  }
}

/** One run: check, compare with the baseline, report. Returns the exit code. */
async function runCheck(
  plan: CheckPlan,
  io: Io,
  options: RunOptions,
  previous: Map<string, CheckedModel>,
): Promise<number> {
  const files = await modelFilesOf(plan, io)
  if (files.length === 0 && plan.shard)
    io.stderr.write(`shard ${plan.shard.index}/${plan.shard.count} has no model files\n`)
  const reused = new Map(files.flatMap((file) => reusable(file, options, previous)))
  const toCheck = files.filter((file) => !reused.has(file))
  // Kept only from a run that got through: after a failed one, nothing is known to hold.
  previous.clear()
  const progress = progressLine(io)
  const fresh = await checkFiles(toCheck, {
    cwd: io.cwd,
    checkOptions: plan.checkOptions,
    fresh: options.fresh,
    ...(plan.workers === undefined ? {} : { workers: plan.workers }),
    ...(plan.stepTimeoutMs === undefined ? {} : { stepTimeoutMs: plan.stepTimeoutMs }),
    ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
  }).finally(progress.clear)
  for (const [index, file] of toCheck.entries()) reused.set(file, fresh[index] as CheckedModel)
  const checked = files.map((file) => reused.get(file) as CheckedModel)
  for (const [index, file] of files.entries()) previous.set(file, checked[index] as CheckedModel)
  const duplicates = duplicateSystems(
    checked.map(({ report }) => ({
      shown: displayPath(path.resolve(io.cwd, report.file), io.cwd),
      system: report.system,
    })),
  )
  if (duplicates.length > 0) throw new UsageError(duplicates.join('\n'))
  let report = buildReport(checked.map((model) => model.report))
  report = await withBaseline(report, plan, io)
  await writeReports(
    report,
    plan.targets,
    { checks: new Map(checked.map((model) => [model.report.file, model.checks])) },
    io,
  )
  return report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN
}

/** A model's previous result, where watch mode says nothing it is made of changed since. */
function reusable(
  file: string,
  options: RunOptions,
  previous: ReadonlyMap<string, CheckedModel>,
): [string, CheckedModel][] {
  const result = options.unchanged?.has(file) ? previous.get(file) : undefined
  return result === undefined ? [] : [[file, result]]
}

async function modelFilesOf(plan: CheckPlan, io: Io): Promise<string[]> {
  const files = await findModelFiles(plan.paths, plan.base)
  if (plan.shard === undefined) return files
  // Cut in the order of the paths as shown, with `/`: the same slices on every machine.
  const byPath = files
    .map((file) => ({ file, shown: displayPath(file, io.cwd) }))
    .sort((a, b) => compareFiles(a.shown, b.shown))
  return shardFiles(byPath, plan.shard).map(({ file }) => file)
}

async function withBaseline(report: Report, plan: CheckPlan, io: Io): Promise<Report> {
  // Loaded only when there is a baseline to read or write: its module loads zod.
  if (!plan.updateBaseline && !existsSync(plan.baselineFile)) return report
  const { compareWithBaseline, readBaseline, writeBaseline } = await import('../baseline/baseline.js')
  const previous = await readBaseline(plan.baselineFile, io.cwd)
  if (!plan.updateBaseline) return previous ? compareWithBaseline(report, previous, io.cwd) : report
  const written = await writeBaseline(plan.baselineFile, report, previous, io.cwd, existsSync)
  const recorded = report.models.reduce(
    (sum, model) => sum + model.diagnostics.length + (model.baselined?.length ?? 0),
    0,
  )
  io.stderr.write(
    `wrote ${displayPath(plan.baselineFile, io.cwd)}: ${plural(recorded, 'finding')} of ${plural(report.models.length, 'model')} recorded\n`,
  )
  return compareWithBaseline(report, written, io.cwd)
}
