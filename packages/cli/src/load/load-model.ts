/**
 * Loads a model file as TypeScript with no build step, through jiti: it transpiles on the
 * fly, caches the result on disk, and loads the packages a model imports (zod, xstate,
 * @plumbline/core) natively, so the model's machines and schemas are the very objects the
 * checker's own imports see. Any failure becomes a ModelLoadError naming the file and,
 * where the loader knows it, the line.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { createJiti as CreateJiti, Jiti } from 'jiti'
import { describeThrown } from '@plumbline/core'
import { ModelLoadError } from '../errors.js'
import { exitMessage, ModelExitError } from '../run/model-output.js'
import { displayPath } from './find-model-files.js'
import { sourceColumn } from './thrown-column.js'

export interface ModelLoader {
  /** The module's default export. `kind` says what the file should be, for the message when it has none. */
  load(file: string, kind?: ModuleKind): Promise<unknown>
  /**
   * Where a relative import in `from` leads, resolved as the loader resolves it (`./x.js`
   * may be `./x.ts`): an absolute path. Undefined for packages (the project's own files are
   * what a model is made of), builtins, and imports that do not resolve.
   */
  resolve(specifier: string, from: string): string | undefined
}

type ModuleKind = 'model' | 'config' | 'adapter'

/** A module without a default export among the models is most often a helper a model imports. */
const HELPER_MODULES = ' (a folder of models skips helper modules whose names start with _)'

const EXPECTED_DEFAULT: Record<ModuleKind, string> = {
  model: 'a model file must `export default defineSystem({ … })`',
  config: 'a config file must `export default defineConfig({ … })`',
  adapter: 'an adapter file must `export default defineAdapter(model, { … })`',
}

// Required, not imported: jiti is one CommonJS bundle of 190 kB, and an ES import of it has
// Node scan the whole file for its export names first (about 25 ms of every start).
const { createJiti } = createRequire(import.meta.url)('jiti') as { createJiti: typeof CreateJiti }

/** `fresh`: bypass the module cache (for watch mode, where files change between loads). */
export function createModelLoader(cwd: string, options: { fresh?: boolean } = {}): ModelLoader {
  const jiti = createJiti(import.meta.url, { moduleCache: options.fresh !== true, interopDefault: false })
  return {
    load: (file, kind = 'model') => loadDefaultExport(jiti, file, cwd, kind),
    resolve: (specifier, from) => resolveProjectFile(jiti, specifier, from),
  }
}

async function loadDefaultExport(jiti: Jiti, file: string, cwd: string, kind: ModuleKind): Promise<unknown> {
  const shown = displayPath(file, cwd)
  let namespace: unknown
  try {
    namespace = await jiti.import(file)
  } catch (error) {
    throw describeLoadFailure(jiti, error, file, cwd)
  }
  if (
    typeof namespace !== 'object' ||
    namespace === null ||
    !('default' in namespace) ||
    namespace.default === undefined
  )
    throw new ModelLoadError(
      shown,
      `has no default export; ${EXPECTED_DEFAULT[kind]}${kind === 'model' ? HELPER_MODULES : ''}`,
    )
  return namespace.default
}

function resolveProjectFile(jiti: Jiti, specifier: string, from: string): string | undefined {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return undefined
  const resolved = jiti.esmResolve(specifier, { parentURL: from, try: true })
  return resolved?.startsWith('file:') ? fileURLToPath(resolved) : undefined
}

function describeLoadFailure(jiti: Jiti, error: unknown, file: string, cwd: string): ModelLoadError {
  const shown = displayPath(file, cwd)
  if (error instanceof ModelExitError)
    return new ModelLoadError(shown, exitMessage(error), undefined, undefined, { cause: error })
  const message = error instanceof Error ? error.message : String(error)
  const syntax = /^(?:SyntaxError|ParseError): (.*?)\s*\n\s*(\S.*):(\d+):(\d+)\s*$/s.exec(message)
  if (syntax) {
    const [, reason = message, where = file, line, zeroBasedColumn] = syntax
    // The transpiler counts columns from 0; every location Plumbline shows counts from 1.
    const column = Number(zeroBasedColumn) + 1
    const inFile = displayPath(where, cwd)
    // A syntax error in a module the model imports is reported where it is, naming the model too.
    if (inFile !== shown)
      return new ModelLoadError(inFile, `syntax error (imported by ${shown}): ${reason.trim()}`, Number(line), column, {
        cause: error,
      })
    return new ModelLoadError(shown, `syntax error: ${reason.trim()}`, Number(line), column, { cause: error })
  }
  const missing = /Cannot find (?:module|package) '([^']+)'/.exec(message)
  if (missing) {
    const specifier = missing[1] ?? ''
    const hint = specifier.startsWith('.') || specifier.startsWith('/') ? 'no such file' : 'is the package installed?'
    return new ModelLoadError(
      shown,
      `cannot load: it imports ${JSON.stringify(specifier)}, which cannot be found (${hint})`,
      undefined,
      undefined,
      { cause: error },
    )
  }
  const frame = error instanceof Error ? frameInFile(error.stack, file) : undefined
  const column = frame && sourceFrameColumn(jiti, file, frame)
  // A plain Error reads as its message alone; any other error by its name too, and any other value as util.inspect shows it.
  const thrown = describeThrown(error).replace(/^Error: /, '')
  return new ModelLoadError(shown, `threw while loading: ${thrown}`, frame?.line, column, { cause: error })
}

/** The frame's column in the model's source (see `thrown-column.ts`), reading the file and transpiling it again: only on this failure. */
function sourceFrameColumn(jiti: Jiti, file: string, frame: { line: number; column: number }): number | undefined {
  // jiti runs the module inside a function whose head it writes on the first line: a column there is not the code's.
  if (frame.line === 1) return undefined
  try {
    const source = readFileSync(file, 'utf8')
    const ran = jiti.transform({ source, filename: file, ts: /\.[cm]?tsx?$/.test(file) })
    const sourceLine = source.split('\n')[frame.line - 1]
    const ranLine = ran.split('\n')[frame.line - 1]
    return sourceLine === undefined || ranLine === undefined
      ? undefined
      : sourceColumn(sourceLine, ranLine, frame.column)
  } catch {
    return undefined
  }
}

/** The first stack frame in the model file itself: where its top level threw. */
function frameInFile(stack: string | undefined, file: string): { line: number; column: number } | undefined {
  for (const line of (stack ?? '').split('\n')) {
    const at = line.indexOf(file)
    if (at === -1) continue
    const position = /^:(\d+):(\d+)/.exec(line.slice(at + file.length))
    if (position) return { line: Number(position[1]), column: Number(position[2]) }
  }
  return undefined
}
