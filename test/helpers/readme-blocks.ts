/**
 * The README's generated parts: a model file shown whole, the output of a command run on it,
 * and the rules table. Each sits under a marker comment saying where it comes from, so a
 * test can hold it equal to its source and `pnpm readme` can rewrite it.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { repoRoot, runCli } from './run-cli.js'

export const README = path.join(repoRoot, 'README.md')

interface Block {
  /** The marker's text, for messages. */
  marker: string
  /** Where the block's content starts and ends in the README. */
  start: number
  end: number
  /** What the block must hold. */
  expected(): Promise<string>
}

const FENCED = /^<!-- readme:(file|output) ([^\n]*?) -->\n```\w*\n([\s\S]*?)```\n/gm
const RULES = /^<!-- readme:rules [^\n]*-->\n([\s\S]*?)<!-- \/readme:rules -->\n/m

export function generatedBlocks(readme: string): Block[] {
  const blocks: Block[] = []
  for (const match of readme.matchAll(FENCED)) {
    const [whole, kind, argument = '', content = ''] = match
    const start = (match.index ?? 0) + whole.length - content.length - '```\n'.length
    const block = { marker: `readme:${kind} ${argument}`, start, end: start + content.length }
    if (kind === 'file') blocks.push({ ...block, expected: () => readFile(path.join(repoRoot, argument), 'utf8') })
    else blocks.push({ ...block, expected: () => commandOutput(argument) })
  }
  const rules = RULES.exec(readme)
  if (rules) {
    const start = (rules.index ?? 0) + rules[0].indexOf('\n') + 1
    blocks.push({
      marker: 'readme:rules',
      start,
      end: start + (rules[1] ?? '').length,
      expected: async () => (await runCli(['rules', '--format', 'markdown'])).stdout,
    })
  }
  return blocks
}

/** `plumbline check login.ts (in test/fixtures/readme)`: the command's stdout, run there. */
async function commandOutput(argument: string): Promise<string> {
  const parsed = /^plumbline (.*) \(in (.*)\)$/.exec(argument)
  if (!parsed) throw new Error(`readme:output marker must read "plumbline ARGS (in FOLDER)", got: ${argument}`)
  const [, args = '', folder = ''] = parsed
  return (await runCli(args.split(' '), { cwd: path.join(repoRoot, folder) })).stdout
}

/** The README with every generated block replaced by what it must hold. */
export async function regenerated(readme: string): Promise<string> {
  let text = readme
  for (const block of generatedBlocks(readme).sort((a, b) => b.start - a.start))
    text = text.slice(0, block.start) + (await block.expected()) + text.slice(block.end)
  return text
}
