/**
 * Where `plumbline mcp` may go: the client's roots (MCP `roots/list`, `client-roots.ts`), or
 * where the client gives none, the directory the server was started in. Every path a tool is
 * given is resolved against the first root and must stay inside one: lexically (an absolute
 * path elsewhere, `..` out) and once symbolic links are followed (a link inside pointing out).
 * A path that fails either is refused with an error saying so, before anything is read.
 */
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../errors.js'

/** A path outside the roots: the tool call is refused, nothing is read. */
class OutsideRootsError extends UsageError {}

export interface Roots {
  /** As the client named them (absolute, normalised): relative paths start at the first. */
  given: readonly string[]
  /** The same folders with symbolic links followed: what a path must be under once its links are. */
  real: readonly string[]
}

/** The folders the client names as roots (see `client-roots.ts`); the start directory where it names none. */
export async function rootsFrom(folders: readonly string[] | undefined, startDirectory: string): Promise<Roots> {
  const given = (folders !== undefined && folders.length > 0 ? folders : [startDirectory]).map((root) =>
    path.resolve(root),
  )
  return { given, real: await Promise.all(given.map(realPathOfNearest)) }
}

/** The folder relative paths are read from. */
export function baseOf(roots: Roots): string {
  return roots.given[0] ?? process.cwd()
}

/**
 * `given`, resolved against the first root, when it and (once its links are followed) what it
 * names are inside the roots; an OutsideRootsError otherwise. A path that does not exist yet (a
 * folder to write into) is judged by its nearest existing parent.
 */
export async function confine(given: string, roots: Roots): Promise<string> {
  const absolute = path.resolve(baseOf(roots), given)
  if (!roots.given.some((root) => isInside(absolute, root)))
    throw new OutsideRootsError(`${given}: outside the folders this server may read (${rootList(roots)})`)
  await confineReal(absolute, given, roots)
  return absolute
}

/** Throws OutsideRootsError when `file`, its links followed, leaves the roots. */
export async function confineReal(file: string, shown: string, roots: Roots): Promise<void> {
  const real = await realPathOfNearest(file)
  if (!roots.real.some((root) => isInside(real, root)))
    throw new OutsideRootsError(
      `${shown}: a symbolic link leads outside the folders this server may read (${rootList(roots)}), to ${real}`,
    )
}

function rootList(roots: Roots): string {
  return roots.given.join(', ')
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file)
  return relative === '' || (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`))
}

/** The real path of `file`, or of its nearest existing parent with the rest appended. */
async function realPathOfNearest(file: string): Promise<string> {
  const rest: string[] = []
  for (let current = file; ; current = path.dirname(current)) {
    try {
      return path.join(await realpath(current), ...rest.reverse())
    } catch {
      if (path.dirname(current) === current) return file
      rest.push(path.basename(current))
    }
  }
}
