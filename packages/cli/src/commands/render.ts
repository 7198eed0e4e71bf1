/**
 * `plumbline render [paths..]`: one Markdown document per model (Mermaid diagrams, the
 * decisions, the open questions, the check summary) into --out, or into the marker
 * blocks of --inject files; --svg also draws each diagram as SVG; --html writes the viewer
 * (a static site, `render/site.ts`) instead of Markdown; --check writes nothing
 * and exits 1 when a file is stale (a document left by a model that is gone included: render
 * removes those, `render/orphans.ts`); --watch renders again on every save. Exit 0 when
 * written, findings or not. The config file (`--config`, else the one found upwards) gives
 * the models, the output folder, and the rules, packs and bounds of the check the
 * documents show.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { InvalidArgumentError, Option } from 'commander'
import type { LoadedConfig } from '../config/load-config.js'
import { settleRun, type RunFlags, type RunSettings } from '../config/run-settings.js'
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors.js'
import { readIfExists, removeStaleTemporaries, staleTemporaries, writeFileAtomic } from '../files/atomic-write.js'
import type { Io } from '../io.js'
import { displayPath, findModelFiles } from '../load/find-model-files.js'
import { CHECK_FLAGS } from '../options/check-flags.js'
import type { OutputOptions, PlannedFile } from '../documents/outputs.js'
import { type CheckedSystem, checkSystems } from '../run/check-systems.js'
import type { Freshness, RunOptions } from '../run/model-command.js'
import { runOrWatch } from '../run/run-or-watch.js'
import { plural } from '../output/text/plural.js'
import type { RegisterCommand } from './types.js'

const DEFAULT_OUT = 'docs/models'

export const registerRender: RegisterCommand = (program, { io, setExitCode }) => {
  program
    .command('render')
    .description('draw models: Markdown documents with Mermaid diagrams (and SVG with --svg)')
    .argument('[paths...]', "model files, folders or globs (default: the config's models, else models/)")
    .option(
      '-o, --out <folder>',
      "where the documents go: <folder>/<system>.md (default: the config's output, else docs/models)",
    )
    .option(
      '--inject <file>',
      'update the marker blocks <!-- plumbline:NAME --> … <!-- /plumbline:NAME --> of this Markdown file instead (repeatable)',
      (file: string, files: string[] | undefined) => [...(files ?? []), file],
    )
    .option('--svg', 'also write <out>/<system>/<diagram>.svg, drawn by Mermaid in headless Chromium')
    .addOption(
      new Option(
        '--html',
        'write the viewer instead: <out>/index.html and <out>/<system>.html, a static site that works from file:// (Mermaid bundled)',
      ).conflicts(['inject', 'svg']),
    )
    .option('--detail', "also show each state's entry and exit actions, tags and description in the state diagrams")
    .option(
      '--max-states <count>',
      'draw a machine with more states as an overview and one diagram per composite state (default: 40)',
      positiveCount,
    )
    .option('--check', 'write nothing; exit 1 if a file is missing or out of date, or left by a model that is gone')
    .addOption(CHECK_FLAGS.config.option)
    .addOption(
      new Option(
        '-w, --watch',
        'render again whenever a model file, a file it imports or the config changes (not with --check, a one-shot mode for CI)',
      ).conflicts('check'),
    )
    .addHelpText(
      'after',
      `
The documents show the check as plumbline check sees it: the config's rules, checklist
packs and exploration bounds apply (a rule the config turns off is not in them).

Blocks for --inject: NAME is a system's name (the whole document) or <system>/<section>, with
section one of components (views, views/<view> for a model that nests its elements),
deployment, deployment/<environment>, entities, flows, flows/<flow>, machines,
machines/<machine>, decisions, questions, out-of-scope, check.

--svg needs the optional packages mermaid and playwright-core (npm i -D mermaid playwright-core)
and a Chromium: PLUMBLINE_CHROMIUM, else /usr/bin/chromium.

Examples:
  $ plumbline render                       write docs/models/<system>.md for every model under models/
                                           (with a config: its models, into its output folder)
  $ plumbline render models --check        in CI: fail when docs/models is stale
  $ plumbline render --inject README.md    refresh the marked blocks of README.md
  $ plumbline render --svg                 documents and an SVG per diagram
  $ plumbline render --html --out site     the viewer: open site/index.html (plumbline serve serves it live)
  $ plumbline render --detail              state diagrams with entry/exit actions, tags, descriptions
  $ plumbline render --watch               render again on every save

Exit codes:
  0  written (or, with --check, up to date), whatever the findings: they are in the documents
  1  with --check: a file is stale
  2  unusable input: a model that does not load or cannot be drawn, a bad marker, no Chromium or
     no mermaid and playwright-core for --svg, no mermaid for --html`,
    )
    .action(async (paths: string[], flags: RenderFlags) => {
      setExitCode(await renderCommand(paths, flags, io))
    })
}

export interface RenderFlags extends RunFlags {
  out?: string
  detail?: boolean
  maxStates?: number
  inject?: string[]
  svg?: boolean
  html?: boolean
  check?: boolean
  watch?: boolean
}

/** Everything a render run needs, settled once from the flags and the config file. */
export interface RenderPlan {
  settings: RunSettings
  outputs: OutputOptions
  /** `--check`: compare, write nothing. */
  check: boolean
  /** Told every file of the run once they are written (serve: the files it may serve). */
  written?: (files: readonly string[]) => void
  machines: { detail: boolean; limits: { maxStates?: number } }
}

function renderCommand(paths: readonly string[], flags: RenderFlags, io: Io): Promise<number> {
  // Each model file's check in the previous run, for watch mode to reuse where nothing it is made of changed.
  const previous = new Map<string, CheckedSystem>()
  return runOrWatch(
    {
      plan: (options) => planRender(paths, flags, io, options),
      run: (plan, options) => runRender(plan, io, options, previous),
      models: (plan) => plan.settings.models,
      modelFiles: ({ settings }) => findModelFiles(settings.models.paths, settings.models.base),
    },
    flags,
    io,
  )
}

export async function planRender(
  paths: readonly string[],
  flags: RenderFlags,
  io: Io,
  options: Freshness,
): Promise<RenderPlan> {
  const settings = await settleRun(paths, flags, io, options)
  const outputs = {
    out: outFolder(flags.out, settings.config, io.cwd),
    inject: flags.inject ?? [],
    svg: flags.svg === true,
    html: flags.html === true,
  }
  const machines = {
    detail: flags.detail === true,
    limits: flags.maxStates === undefined ? {} : { maxStates: flags.maxStates },
  }
  return { settings, outputs, check: flags.check === true, machines }
}

/** A whole number of at least 1 (commander names the flag in its error). */
function positiveCount(text: string): number {
  const count = Number(text)
  if (!/^\d+$/u.test(text.trim()) || count < 1) throw new InvalidArgumentError('expected a whole number, at least 1')
  return count
}

/** `--out`, else the config's `output` (relative to the config), else docs/models. */
function outFolder(flag: string | undefined, config: LoadedConfig | undefined, cwd: string): string {
  if (flag?.trim() === '') throw new UsageError('--out needs a folder, and was given an empty path')
  if (flag !== undefined) return path.resolve(cwd, flag)
  if (config?.config.output !== undefined) return path.resolve(config.dir, config.config.output)
  return path.resolve(cwd, DEFAULT_OUT)
}

/** One run: check, draw, and write the stale files (or, with --check, list them). Returns the exit code. */
export async function runRender(
  plan: RenderPlan,
  io: Io,
  options: RunOptions,
  previous: Map<string, CheckedSystem>,
): Promise<number> {
  const { config, models, checkOptions } = plan.settings
  // Loaded here, not with the program: the renderer and its browser driver cost every other command a third of a second.
  const [{ renderModels }, { plannedFiles }, { orphanedDocuments }] = await Promise.all([
    import('../documents/documents.js'),
    import('../documents/outputs.js'),
    import('../documents/orphans.js'),
  ])
  const held = new Map(previous)
  // Kept only from a run that got through: after a failed one, nothing is known to hold.
  previous.clear()
  const systems = await checkSystems(models, io, {
    checkOptions,
    fresh: options.fresh,
    reuse: (file) => (options.unchanged?.has(file) ? held.get(file) : undefined),
    stepTimeoutMs: plan.settings.stepTimeoutMs,
  })
  for (const system of systems) previous.set(system.file, system)
  // Documents name their model files from the config's folder, so they are the same from any folder below it.
  const sourceBase = config?.dir ?? io.cwd
  const documents = renderModels(systems, sourceBase, plan.machines)
  const planned = await plannedFiles(documents, plan.outputs, io)
  const stale: PlannedFile[] = []
  for (const file of planned) if ((await readIfExists(file.file)) !== file.content) stale.push(file)
  // Orphans are of the kind this run writes: Markdown documents, or the site's pages (--html).
  const orphans =
    plan.outputs.inject.length > 0
      ? []
      : await orphanedDocuments(
          path.resolve(io.cwd, plan.outputs.out),
          new Set(planned.map(({ file }) => file)),
          new Set(systems.map(({ file }) => file)),
          sourceBase,
          plan.outputs.html ? '.html' : '.md',
        )
  const shown = (file: string): string => displayPath(file, io.cwd)
  const folders = [...new Set(planned.map(({ file }) => path.dirname(file)))]

  if (plan.check) {
    for (const folder of folders)
      for (const temporary of await staleTemporaries(folder))
        io.stderr.write(`note: ${shown(temporary)} was left by a run that was killed; the next render removes it\n`)
    for (const file of stale) io.stderr.write(`stale: ${shown(file.file)}\n`)
    for (const { file, reason } of orphans) io.stderr.write(`stale: ${shown(file)} (${reason})\n`)
    const total = planned.length + orphans.length
    if (stale.length + orphans.length === 0) {
      io.stderr.write(`up to date: ${plural(total, 'file')}\n`)
      return EXIT_CLEAN
    }
    io.stderr.write(`${stale.length + orphans.length} of ${total} files stale: run plumbline render to update them\n`)
    return EXIT_FINDINGS
  }
  for (const folder of folders)
    for (const temporary of await removeStaleTemporaries(folder))
      io.stderr.write(`removed ${shown(temporary)} (left by a run that was killed)\n`)
  for (const file of stale) {
    await writeFileAtomic(file.file, file.content)
    io.stderr.write(`wrote ${shown(file.file)}\n`)
  }
  // Only documents plumbline wrote, whose model no longer renders them: nothing a user wrote is removed.
  for (const { file, reason } of orphans) {
    await rm(file, { force: true })
    io.stderr.write(`removed ${shown(file)} (${reason})\n`)
  }
  plan.written?.(planned.map(({ file }) => file))
  const removed = orphans.length === 0 ? '' : `, ${orphans.length} removed`
  io.stderr.write(`${stale.length} written, ${planned.length - stale.length} unchanged${removed}\n`)
  return EXIT_CLEAN
}
