/**
 * The model reference's examples (packages/core/docs/reference.md): each file shown under a
 * `<!-- reference:file PATH -->` marker, and each command output under a
 * `<!-- reference:output ARGS -->` marker, which holds what `plumbline ARGS` prints in a
 * project made of every file shown above it. No vitest here: `pnpm readme` rewrites the
 * outputs with it (scripts/update-readme.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { repoRoot, runCli, type CliResult } from './run-cli.js'

export const REFERENCE = path.join(repoRoot, 'packages/core/docs/reference.md')

export interface OutputBlock {
  args: string[]
  /** Where the output starts and ends in the page. */
  start: number
  end: number
  /** The files shown above it, by path (a later one with the same path replaces an earlier one). */
  files: ReadonlyMap<string, string>
}

export interface ReferenceBlocks {
  /** Every file shown, by path, as the page leaves them. */
  files: ReadonlyMap<string, string>
  outputs: OutputBlock[]
  /** TypeScript fences not marked as a file: examples nothing checks. */
  unmarked: number
}

const MARKED = /^<!-- reference:(file|output) ([^\n]*?) -->\n```\w*\n([\s\S]*?)```\n/gm
const TYPESCRIPT_FENCE = /^```ts\n/gm

export function referenceBlocks(page: string): ReferenceBlocks {
  const files = new Map<string, string>()
  const outputs: OutputBlock[] = []
  let marked = 0
  for (const match of page.matchAll(MARKED)) {
    const [whole, kind, argument = '', content = ''] = match
    if (kind === 'file') {
      files.set(argument, content)
      if (whole.includes('\n```ts\n')) marked++
      continue
    }
    const start = (match.index ?? 0) + whole.length - content.length - '```\n'.length
    outputs.push({ args: argument.split(' '), start, end: start + content.length, files: new Map(files) })
  }
  return { files, outputs, unmarked: [...page.matchAll(TYPESCRIPT_FENCE)].length - marked }
}

/** Runs `command` in a throw-away project holding `files` (inside the repository, so packages resolve). */
export async function inProject<T>(
  files: ReadonlyMap<string, string>,
  command: (dir: string) => Promise<T>,
): Promise<T> {
  const base = path.join(repoRoot, 'test/.tmp')
  await mkdir(base, { recursive: true })
  const dir = await mkdtemp(path.join(base, 'reference-'))
  try {
    await mkdir(path.join(dir, '.git'))
    for (const [name, content] of files) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
      await writeFile(path.join(dir, name), content)
    }
    return await command(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export function outputOf(block: OutputBlock): Promise<CliResult> {
  return inProject(block.files, (dir) => runCli(block.args, { cwd: dir }))
}

/** The page with every output block replaced by what the command prints. */
export async function regeneratedReference(page: string): Promise<string> {
  let text = page
  for (const block of referenceBlocks(page).outputs.sort((a, b) => b.start - a.start))
    text = text.slice(0, block.start) + (await outputOf(block)).stdout + text.slice(block.end)
  return text
}
