/**
 * `plumbline import structurizr workspace.json [--out FILE.ts]`: a Structurizr workspace
 * (its JSON, as Structurizr's tools export it) as a typed Plumbline model in TypeScript,
 * printed or written atomically to --out. What cannot be mapped is listed in the file's
 * header comment. A workspace that is not JSON, or not of the workspace's shape, is exit 2
 * naming the file and the JSON path of each problem.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { elementPath } from '@plumbline/core'
import { EXIT_CLEAN, UsageError } from '../errors.js'
import { writeFileAtomic } from '../files/atomic-write.js'
import { workspaceToModel } from '../import/structurizr/to-model.js'
import { workspaceSchema } from '../import/structurizr/workspace-schema.js'
import { modelSource } from '../import/structurizr/model-source.js'
import type { Io } from '../io.js'
import type { RegisterCommand } from './types.js'

export const registerImport: RegisterCommand = (program, { io, setExitCode }) => {
  const command = program.command('import').description('write a typed model from a Structurizr workspace')
  command
    .command('structurizr')
    .description("a Structurizr workspace's JSON as a typed Plumbline model in TypeScript")
    .argument('<workspace>', 'the workspace JSON file (as exported by Structurizr, its CLI or Lite)')
    .option('-o, --out <file>', 'write the model to this file (default: print it)')
    .addHelpText(
      'after',
      `
Mapped: people, software systems, containers and components (nested with partOf, names kept
exactly), relationships (relations), deployment nodes (deployment, per environment), dynamic
views (flows). Listed in the file's header comment: what is not mapped (styles, custom,
filtered and image views, infrastructure nodes, documentation) and any element or node
named apart from another of the same name.

Examples:
  $ plumbline import structurizr workspace.json --out models/bank.ts
  $ plumbline check models/bank.ts && plumbline render models/bank.ts

Exit codes:
  0  written
  2  the file cannot be read, is not JSON, or is not a Structurizr workspace (each problem named by its JSON path)`,
    )
    .action(async (workspace: string, flags: { out?: string }) => {
      setExitCode(await importStructurizr(workspace, flags.out, io))
    })
}

async function importStructurizr(file: string, out: string | undefined, io: Io): Promise<number> {
  const source = path.resolve(io.cwd, file)
  const parsed = workspaceSchema.safeParse(await readJson(source, file))
  if (!parsed.success)
    throw new UsageError(
      parsed.error.issues
        .map((issue) => {
          const where = elementPath(issue.path.filter((segment) => typeof segment !== 'symbol'))
          return `${file}: ${where === '' ? '(the workspace)' : where}: ${issue.message}`
        })
        .join('\n'),
    )
  const { system, notes } = workspaceToModel(parsed.data)
  const text = modelSource(
    system,
    [
      `Imported from the Structurizr workspace ${JSON.stringify(parsed.data.name)} (${path.basename(file)})`,
      'by plumbline import structurizr.',
    ],
    notes,
  )
  if (out === undefined) io.stdout.write(text)
  else {
    if (out.trim() === '') throw new UsageError('--out needs a file, and was given an empty path')
    await writeFileAtomic(path.resolve(io.cwd, out), text)
    io.stderr.write(`wrote ${out} (${Object.keys(system.components as object).length} elements)\n`)
  }
  return EXIT_CLEAN
}

async function readJson(source: string, file: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(source, 'utf8')
  } catch (error) {
    throw new UsageError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      cause: error,
    })
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new UsageError(`${file}: not JSON: ${(error as Error).message}`, { cause: error })
  }
}
