/**
 * Paths as GitHub reads them: code scanning (SARIF) and workflow annotations name a file
 * from the repository's root, whichever folder Plumbline ran in (a package's folder, under
 * `pnpm --filter` or a job's `working-directory`).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

/** The nearest folder at or above `cwd` with a `.git` (a folder, or a file in a worktree or submodule). */
export function findRepositoryRoot(cwd: string, exists: (file: string) => boolean = existsSync): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (exists(path.join(dir, '.git'))) return dir
    if (path.dirname(dir) === dir) return undefined
  }
}

/**
 * A file as shown (relative to `cwd`, or absolute) relative to the repository's root, with
 * `/` separators; as shown where there is no repository or the file is outside it.
 */
export function repositoryPath(file: string, cwd: string, root: string | undefined): string {
  if (root === undefined) return file
  const relative = path.relative(root, path.resolve(cwd, file))
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file
  return relative.split(path.sep).join('/')
}
