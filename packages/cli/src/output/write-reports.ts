/**
 * Prints or writes the report in each target format: files written atomically, at most one
 * format on stdout. Reads the model sources that code frames show, only for the formats
 * that show them.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Report } from '@plumbline/core'
import { writeFileAtomic } from '../files/atomic-write.js'
import { formats, formatsWithChecks, formatsWithSources } from './formats/index.js'
import type { FormatContext } from './formats/types.js'
import type { Io } from '../io.js'
import type { CheckItem } from '../run/list-checks.js'
import { styleFor } from '../style.js'
import { findRepositoryRoot, repositoryPath } from './repository-paths.js'
import type { Target } from './targets.js'

export interface ReportExtras {
  /** By model file as shown: the checks each model declares. */
  checks: ReadonlyMap<string, readonly CheckItem[]>
  /** The sources code frames show, when the caller has them (or wants none): then no file is read. */
  sources?: ReadonlyMap<string, string>
}

export async function writeReports(
  report: Report,
  targets: readonly Target[],
  extras: ReportExtras,
  io: Io,
): Promise<void> {
  const sources =
    extras.sources ??
    (targets.some((target) => formatsWithSources.has(target.format)) ? await readSources(report, io.cwd) : undefined)
  const root = findRepositoryRoot(io.cwd)
  for (const target of targets) {
    const format = await formats[target.format]()
    // Colours only on a terminal, so never in a file.
    const stream = target.file === undefined ? io.stdout : { write: () => {}, isTTY: false }
    const context: FormatContext = {
      style: styleFor(stream, io.env),
      ...(sources ? { sources } : {}),
      ...(formatsWithChecks.has(target.format) ? { checks: extras.checks } : {}),
      repositoryPath: (file) => repositoryPath(file, io.cwd, root),
    }
    const text = format(report, context)
    if (target.file === undefined) io.stdout.write(text)
    else await writeFileAtomic(path.resolve(io.cwd, target.file), text)
  }
}

async function readSources(report: Report, cwd: string): Promise<Map<string, string>> {
  const files = new Set<string>()
  for (const model of report.models)
    for (const diagnostic of model.diagnostics)
      if (diagnostic.location?.line !== undefined) files.add(diagnostic.location.file)
  const sources = new Map<string, string>()
  for (const file of files) {
    const text = await readFile(path.resolve(cwd, file), 'utf8').catch(() => undefined)
    if (text !== undefined) sources.set(file, text)
  }
  return sources
}
