/**
 * The baseline: the findings a project has accepted for now (like ArchUnit's freeze), so that
 * a run fails only on new ones. A finding is matched by (file, rule, element), never by its
 * message, which may change wording. Files in the baseline are relative to the baseline's
 * folder, so a run from any folder matches the same entries.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { summarize, type BaselineEntry, type ModelReport, type Report } from '@plumbline/core'
import { z } from 'zod'
import { UsageError } from '../errors.js'
import { writeFileAtomic } from '../files/atomic-write.js'
import { compareFiles, displayPath } from '../load/find-model-files.js'
import { jsonText } from '../output/text/json.js'

const BASELINE_VERSION = 1

const baselineShape = z.strictObject({
  version: z.literal(BASELINE_VERSION),
  findings: z.array(z.strictObject({ file: z.string(), rule: z.string(), element: z.string(), message: z.string() })),
})

export interface Baseline {
  /** Absolute path. */
  file: string
  entries: BaselineEntry[]
}

/** The baseline at `file`, or undefined when there is none. A file that is not a baseline is a usage error. */
export async function readBaseline(file: string, cwd: string): Promise<Baseline | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return undefined
  }
  let parsed: z.infer<typeof baselineShape>
  try {
    parsed = baselineShape.parse(JSON.parse(text))
  } catch {
    throw new UsageError(
      `${displayPath(file, cwd)}: not a Plumbline baseline (expected {"version": 1, "findings": [{ "file", "rule", "element", "message" }]}); fix it, or delete it and run \`plumbline check --update-baseline\``,
    )
  }
  return { file, entries: parsed.findings }
}

/**
 * The report compared with the baseline: findings it has move from `diagnostics` to
 * `baselined` (not counted); its entries for the checked files that no longer occur are listed.
 */
export function compareWithBaseline(report: Report, baseline: Baseline, cwd: string): Report {
  const dir = path.dirname(baseline.file)
  const keyed = new Map(baseline.entries.map((entry) => [key(entry.file, entry.rule, entry.element), entry]))
  const seen = new Set<string>()
  const models = report.models.map((model): ModelReport => {
    const file = relativeTo(dir, model.file, cwd)
    const diagnostics = []
    const baselined = []
    for (const diagnostic of model.diagnostics) {
      const id = key(file, diagnostic.rule, diagnostic.element)
      if (keyed.has(id)) {
        seen.add(id)
        baselined.push(diagnostic)
      } else diagnostics.push(diagnostic)
    }
    return { ...model, diagnostics, baselined }
  })
  const checked = new Set(models.map((model) => relativeTo(dir, model.file, cwd)))
  const fixed = baseline.entries
    .filter((entry) => checked.has(entry.file) && !seen.has(key(entry.file, entry.rule, entry.element)))
    .map((entry) => ({ ...entry, file: displayPath(path.resolve(dir, entry.file), cwd) }))
  return {
    ...report,
    models,
    summary: summarize(models),
    baseline: { file: displayPath(baseline.file, cwd), known: seen.size, fixed },
  }
}

/**
 * Records the report's findings as the baseline. Entries for files this run did not check
 * (another shard, a narrower path) are kept while those files exist.
 */
export async function writeBaseline(
  file: string,
  report: Report,
  previous: Baseline | undefined,
  cwd: string,
  exists: (file: string) => boolean,
): Promise<Baseline> {
  const dir = path.dirname(file)
  const checked = new Set(report.models.map((model) => relativeTo(dir, model.file, cwd)))
  const kept = (previous?.entries ?? []).filter(
    (entry) => !checked.has(entry.file) && exists(path.resolve(dir, entry.file)),
  )
  const recorded = report.models.flatMap((model) =>
    [...model.diagnostics, ...(model.baselined ?? [])].map((d) => ({
      file: relativeTo(dir, model.file, cwd),
      rule: d.rule,
      element: d.element,
      message: d.message,
    })),
  )
  const entries = [...kept, ...recorded].sort((a, b) =>
    compareFiles(key(a.file, a.rule, a.element), key(b.file, b.rule, b.element)),
  )
  await writeFileAtomic(file, jsonText({ version: BASELINE_VERSION, findings: entries }))
  return { file, entries }
}

function relativeTo(dir: string, shownFile: string, cwd: string): string {
  return path.relative(dir, path.resolve(cwd, shownFile)).split(path.sep).join('/')
}

function key(file: string, rule: string, element: string): string {
  return `${file}\u0000${rule}\u0000${element}`
}
