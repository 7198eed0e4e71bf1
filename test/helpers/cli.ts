/**
 * The command as users run it (run-cli.ts), and throw-away projects for it built inside the
 * repository (so model files resolve @plumbline/core, zod and xstate as a user's repo would).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach } from 'vitest'
import { repoRoot } from './run-cli.js'

export { fixtures, repoRoot, runCli, STACK_FRAME } from './run-cli.js'

const created: string[] = []
afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

/**
 * A temporary project folder with the given files (path → content), removed after the test.
 * It is the root of its own repository (it has a `.git`), as a user's project is: paths that
 * GitHub reads (SARIF, annotations) are named from there, not from this repository's root.
 */
export async function makeProject(files: Record<string, string>): Promise<string> {
  const base = path.join(repoRoot, 'test/.tmp')
  await mkdir(base, { recursive: true })
  const dir = await mkdtemp(path.join(base, 'project-'))
  created.push(dir)
  await mkdir(path.join(dir, '.git'))
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
  return dir
}
