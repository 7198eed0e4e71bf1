/**
 * From the paths on the command line (or the config's `models`) to model files. A folder
 * holds every `.ts`, `.mts`, `.js` and `.mjs` file under it, except declaration files, tests,
 * `node_modules`, and files or folders whose name starts with `_` or `.` (the place for
 * helper modules that models import but that are not models themselves). A glob
 * (`models/**\/*.model.ts`) holds the files it matches, with the same exceptions.
 */
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { UsageError } from '../errors.js'

const MODEL_FILES = '**/*.{ts,mts,js,mjs}'
const IGNORED = ['**/node_modules/**', '**/*.d.ts', '**/*.d.mts', '**/*.{test,spec}.*', '**/_*', '**/_*/**']

export async function findModelFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>()
  for (const given of paths) {
    if (isDynamicPattern(given)) {
      const matched = await glob(given, { cwd, ignore: IGNORED, absolute: true, dot: false })
      if (matched.length === 0) throw new UsageError(`${given}: no model files match this glob`)
      for (const file of matched) files.add(path.normalize(file))
      continue
    }
    const absolute = path.resolve(cwd, given)
    const info = await stat(absolute).catch(() => undefined)
    if (info === undefined) throw new UsageError(`${given}: no such file or folder`)
    if (info.isFile()) {
      files.add(absolute)
      continue
    }
    const found = await glob(MODEL_FILES, { cwd: absolute, ignore: IGNORED, absolute: true, dot: false })
    if (found.length === 0)
      throw new UsageError(`${given}: no model files in this folder (looked for *.ts, *.mts, *.js, *.mjs)`)
    for (const file of found) files.add(path.normalize(file))
  }
  return distinctFiles([...files].sort(compareFiles))
}

/**
 * Each file once: a file reached twice (through a symlinked folder, or a link to a parent)
 * is one model, kept under the first of its paths in order.
 */
async function distinctFiles(sorted: readonly string[]): Promise<string[]> {
  const byRealPath = new Map<string, string>()
  for (const file of sorted) {
    const real = await realpath(file).catch(() => file)
    if (!byRealPath.has(real)) byRealPath.set(real, file)
  }
  return [...byRealPath.values()]
}

/** Plain code-unit order, so the order does not depend on the locale. */
export function compareFiles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** How a file is shown to the user: relative to the working directory, with `/`. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file)
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative
  return shown.split(path.sep).join('/')
}
