/**
 * `plumbline init`: a config and a first model in the working directory. Never overwrites a
 * file: one that exists is left as it is, and said so.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { EXIT_CLEAN } from '../errors.js'
import { createFileAtomic } from '../files/atomic-write.js'
import { STARTER_CONFIG, STARTER_MODEL } from '../init/starter-files.js'
import type { Io } from '../io.js'
import type { RegisterCommand } from './types.js'

const STARTERS: ReadonlyArray<readonly [string, string]> = [
  ['plumbline.config.ts', STARTER_CONFIG],
  ['models/shop.ts', STARTER_MODEL],
]

const PACKAGES = ['@plumbline/cli', '@plumbline/core', 'zod', 'xstate']

export const registerInit: RegisterCommand = (program, { io, setExitCode }) => {
  program
    .command('init')
    .description('write a config (plumbline.config.ts) and a first model (models/shop.ts); never overwrites a file')
    .action(async () => setExitCode(await initCommand(io)))
}

async function initCommand(io: Io): Promise<number> {
  for (const [name, text] of STARTERS) {
    const created = await createFileAtomic(path.join(io.cwd, name), text)
    io.stdout.write(created ? `wrote ${name}\n` : `${name} exists; left as it is\n`)
  }
  const missing = PACKAGES.filter((name) => !resolvable(name, io.cwd))
  if (missing.length > 0)
    io.stdout.write(`\nThe models need these packages: npm install --save-dev ${missing.join(' ')}\n`)
  io.stdout.write('\nNext: plumbline check\n')
  return EXIT_CLEAN
}

function resolvable(name: string, cwd: string): boolean {
  try {
    createRequire(path.join(cwd, 'package.json')).resolve(name)
    return true
  } catch {
    return false
  }
}
