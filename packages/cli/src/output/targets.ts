/**
 * Where each report format goes: `--format` names formats (repeatable), `--output-file`
 * sends one to a file. `--output-file FORMAT=PATH` is for that format (and selects it);
 * a bare `--output-file PATH` is for the one format selected. Every format without a file
 * prints to stdout, so at most one may be without a file, and no two share one. Unambiguous
 * by construction: a value is `FORMAT=PATH` only when the part before `=` is a format's name;
 * a word that is not one is refused as a misspelt format (`./name=x` names such a file).
 */
import path from 'node:path'
import { closest } from '@plumbline/core'
import { InvalidArgumentError } from 'commander'
import { UsageError } from '../errors.js'
import { formatNames, type FormatName } from './formats/index.js'

export interface OutputFileFlag {
  format?: FormatName
  path: string
}

export interface Target {
  format: FormatName
  /** Relative to the working directory; undefined for stdout. */
  file?: string
}

export function parseOutputFile(value: string): OutputFileFlag {
  const at = value.indexOf('=')
  const name = value.slice(0, at)
  if (at > 0 && (formatNames as string[]).includes(name))
    return { format: name as FormatName, path: value.slice(at + 1) }
  // `sarfi=report.sarif` is a misspelt format far more often than a file named so; `./sarfi=…` names the file.
  if (/^[a-z][a-z0-9-]*$/i.test(name))
    throw new InvalidArgumentError(
      `unknown format ${JSON.stringify(name)} (${suggested(name)}formats: ${formatNames.join(', ')}); for a file whose name has "=", write ./${value}`,
    )
  return { path: value }
}

export function resolveTargets(
  formats: readonly FormatName[] | undefined,
  outputFiles: readonly OutputFileFlag[],
): Target[] {
  const targets = new Map<FormatName, Target>()
  for (const format of formats ?? []) targets.set(format, { format })
  const bare = outputFiles.filter((flag) => flag.format === undefined)
  for (const flag of outputFiles) {
    if (flag.format === undefined) continue
    if (targets.get(flag.format)?.file !== undefined)
      throw new UsageError(`--output-file: two files for ${flag.format}; give each format one file`)
    targets.set(flag.format, { format: flag.format, file: flag.path })
  }
  if (targets.size === 0) targets.set('pretty', { format: 'pretty' })
  if (bare.length > 0) {
    const [only, ...more] = targets.values()
    if (bare.length > 1 || more.length > 0 || only === undefined)
      throw new UsageError(
        `--output-file ${bare[0]?.path}: with several formats, say which format goes to which file: --output-file FORMAT=PATH (e.g. --output-file sarif=plumbline.sarif)`,
      )
    if (only.file !== undefined)
      throw new UsageError(`--output-file: two files for ${only.format}; give each format one file`)
    only.file = bare[0]?.path ?? ''
  }
  const byFile = new Map<string, Target>()
  for (const target of targets.values()) {
    if (target.file === undefined) continue
    // One report would silently replace the other.
    const other = byFile.get(path.normalize(target.file))
    if (other !== undefined)
      throw new UsageError(
        `--output-file: ${other.format} and ${target.format} would both write ${other.file}; give each format its own file`,
      )
    byFile.set(path.normalize(target.file), target)
  }
  const toStdout = [...targets.values()].filter((target) => target.file === undefined).map((target) => target.format)
  if (toStdout.length > 1)
    throw new UsageError(
      `formats ${toStdout.join(' and ')} would both print to stdout; send all but one to files with --output-file FORMAT=PATH`,
    )
  return [...targets.values()]
}

function suggested(name: string): string {
  const suggestion = closest(name, formatNames)
  return suggestion === undefined ? '' : `did you mean ${JSON.stringify(suggestion)}? `
}
