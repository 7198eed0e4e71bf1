/**
 * What each `plumbline mcp` tool answers, as the text the matching command prints: `check` and
 * `questions` their `--format json`, `explain` and `rules` their plain text and JSON, `render`
 * the Markdown document. A problem with the input is thrown as a UsageError (the server turns it
 * into a tool error). Model code runs in the watched worker threads of `check` (`check-files.ts`),
 * so a model that never returns is stopped at the config's `explore.stepTimeout` (10 s by default).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { buildReport, packSource, resolvePacks, rules, rulesById, type Report } from '@plumbline/core'
import { configuredBaseline } from '../baseline/baseline-name.js'
import { UsageError } from '../errors.js'
import { writeFileAtomic } from '../files/atomic-write.js'
import type { Io } from '../io.js'
import { displayPath } from '../load/find-model-files.js'
import { checkFiles } from '../run/check-files.js'
import type { CheckedModel } from '../run/check-model-file.js'
import { checkSystems } from '../run/check-systems.js'
import { questionsReportOf } from '../run/questions-report.js'
import { duplicateSystems } from '../run/duplicate-systems.js'
import { styleFor } from '../style.js'
import { explainPack, explainRule } from '../output/text/explain.js'
import { jsonText } from '../output/text/json.js'
import { rulesJson } from '../output/text/rules.js'
import { settableIds, unknownRuleMessage } from '../output/text/unknown-rule.js'
import { modelFiles, openProject, type Project } from './project.js'
import { confine, confineReal, type Roots } from './roots.js'

const DEFAULT_OUT = 'docs/models'

/** No colours: the text goes to a client, not a terminal. */
const plain = styleFor({ write: () => undefined, isTTY: false }, {})

/** `plumbline check --format json` of the models `paths` name, compared with the baseline where there is one. */
export async function checkTool(paths: readonly string[], roots: Roots): Promise<string> {
  const project = await openProject(roots)
  const checked = await checkWatched(await modelFiles(paths, project, roots), project)
  return jsonText(await withBaseline(buildReport(checked.map(({ report }) => report)), project, roots))
}

/** As `check` reads it: the config's `baseline` (relative to the config), else plumbline-baseline.json beside it. */
async function withBaseline(report: Report, project: Project, roots: Roots): Promise<Report> {
  const { config, base } = project
  const file = configuredBaseline(config?.dir ?? base, config?.config.baseline)
  if (!existsSync(await confine(displayPath(file, base), roots))) return report
  const { compareWithBaseline, readBaseline } = await import('../baseline/baseline.js')
  const baseline = await readBaseline(file, base)
  return baseline === undefined ? report : compareWithBaseline(report, baseline, base)
}

/** `plumbline questions --format json`; a model too malformed to ask anything of is an error, as there. */
export async function questionsTool(paths: readonly string[], roots: Roots): Promise<string> {
  const project = await openProject(roots)
  const checked = await checkWatched(await modelFiles(paths, project, roots), project)
  return jsonText(questionsReportOf(checked, 'the check tool'))
}

/**
 * `plumbline explain`: a rule, or a checklist pack (built in or the config's). A rule needs no
 * roots; a pack does, as the config (in the first root) may define or replace it.
 */
export async function explainTool(id: string, roots: () => Promise<Roots>): Promise<string> {
  const rule = rulesById.get(id)
  if (rule !== undefined) return explainRule(rule, plain)
  const packs = resolvePacks((await openProject(await roots())).config?.config.packs)
  const pack = packs.find((candidate) => packSource(candidate) === id)
  if (pack === undefined) throw new UsageError(unknownRuleMessage(id, settableIds(packs)))
  return explainPack(pack, plain)
}

/** `plumbline rules --format json`. */
export function rulesTool(): string {
  return jsonText(rulesJson(rules))
}

export interface RenderRequest {
  path: string
  /** Write each document to `<out>/<system>.md` as well (inside the roots only). */
  write: boolean
  /** Where to write: else the config's `output`, else docs/models. */
  out?: string
}

export interface RenderResult {
  markdown: string[]
  /** The files written, as shown from the first root. */
  written: string[]
}

/**
 * The Markdown documents of the models `path` names. The models are checked first in the
 * watched workers, so one that never returns is stopped there; then, having loaded in time,
 * each is loaded and checked again on this thread, where it is drawn (a model's functions
 * cannot leave a worker), its explorations stopped before the steps the watchdog stopped.
 */
export async function renderTool(request: RenderRequest, roots: Roots, io: Io): Promise<RenderResult> {
  const project = await openProject(roots)
  // Refused before any model code runs: a call that cannot write where it asks does nothing.
  const out = request.write ? await outFolder(request.out, project, roots) : undefined
  const files = await modelFiles([request.path], project, roots)
  // Checked in watched workers first, then on this thread to draw (`checkSystems`).
  const systems = await checkSystems(
    { paths: files, base: project.base },
    { ...io, cwd: project.base },
    { checkOptions: project.checkOptions, fresh: true, stepTimeoutMs: project.stepTimeoutMs },
  )
  const duplicates = duplicateSystems(
    systems.map(({ shown, check, fallbackName }) => ({ shown, system: check.system ?? fallbackName })),
  )
  if (duplicates.length > 0) throw new UsageError(duplicates.join('\n'))
  const { renderModels } = await import('../documents/documents.js')
  const documents = renderModels(systems, project.config?.dir ?? project.base)
  const markdown = documents.map(({ rendered }) => rendered.markdown)
  if (out === undefined) return { markdown, written: [] }
  const written: string[] = []
  for (const { slug, rendered } of documents) {
    const file = path.join(out, `${slug}.md`)
    await confineReal(file, displayPath(file, project.base), roots)
    await writeFileAtomic(file, rendered.markdown)
    written.push(displayPath(file, project.base))
  }
  return { markdown, written }
}

async function outFolder(given: string | undefined, project: Project, roots: Roots): Promise<string> {
  if (given !== undefined) return confine(given, roots)
  const { config } = project
  const configured = config?.config.output === undefined ? undefined : path.resolve(config.dir, config.config.output)
  return confine(displayPath(configured ?? path.join(project.base, DEFAULT_OUT), project.base), roots)
}

/** The models' files, checked in the watched workers: every load failure (a hang included) is thrown. */
async function checkWatched(files: readonly string[], project: Project): Promise<CheckedModel[]> {
  const checked = await checkFiles(files, {
    cwd: project.base,
    checkOptions: project.checkOptions,
    fresh: true,
    ...(project.stepTimeoutMs === undefined ? {} : { stepTimeoutMs: project.stepTimeoutMs }),
  })
  const duplicates = duplicateSystems(checked.map(({ report }) => ({ shown: report.file, system: report.system })))
  if (duplicates.length > 0) throw new UsageError(duplicates.join('\n'))
  return checked
}
