/**
 * `plumbline render [paths..]`: one Markdown document per model (Mermaid diagrams, the
 * decisions, the open questions, the check summary) into --out, or into the marker
 * blocks of --inject files; --svg also draws each diagram as SVG; --check writes nothing
 * and exits 1 when a file is stale. Exit 0 when written, findings or not.
 */
import { EXIT_CLEAN, EXIT_FINDINGS } from '../errors.js'
import { readIfExists, writeFileAtomic } from '../files/atomic-write.js'
import { DEFAULT_MODEL_PATHS } from '../help.js'
import type { Io } from '../io.js'
import { displayPath } from '../load/find-model-files.js'
import type { OutputOptions, PlannedFile } from '../render/outputs.js'
import type { RegisterCommand } from './types.js'

const DEFAULT_OUT = 'docs/models'

export const registerRender: RegisterCommand = (program, { io, setExitCode }) => {
  program
    .command('render')
    .description('draw models: Markdown documents with Mermaid diagrams (and SVG with --svg)')
    .argument('[paths...]', 'model files or folders', DEFAULT_MODEL_PATHS)
    .option('-o, --out <folder>', 'where the documents go: <folder>/<system>.md', DEFAULT_OUT)
    .option(
      '--inject <file>',
      'update the marker blocks <!-- plumbline:NAME --> … <!-- /plumbline:NAME --> of this Markdown file instead (repeatable)',
      (file: string, files: string[] | undefined) => [...(files ?? []), file],
    )
    .option('--svg', 'also write <out>/<system>/<diagram>.svg, drawn by Mermaid in headless Chromium')
    .option('--check', 'write nothing; exit 1 if a file is missing or out of date')
    .addHelpText(
      'after',
      `
Blocks for --inject: NAME is a system's name (the whole document) or <system>/<section>, with
section one of components, entities, flows, flows/<flow>, machines, machines/<machine>,
decisions, questions, out-of-scope, check.

Chromium for --svg: PLUMBLINE_CHROMIUM, else /usr/bin/chromium.

Examples:
  $ plumbline render                       write docs/models/<system>.md for every model under models/
  $ plumbline render models --check        in CI: fail when docs/models is stale
  $ plumbline render --inject README.md    refresh the marked blocks of README.md
  $ plumbline render --svg                 documents and an SVG per diagram

Exit codes:
  0  written (or, with --check, up to date), whatever the findings: they are in the documents
  1  with --check: a file is stale
  2  unusable input: a model that does not load or cannot be drawn, a bad marker, no Chromium for --svg`,
    )
    .action(async (paths: string[], options: { out: string; inject?: string[]; svg?: boolean; check?: boolean }) => {
      const outputs: OutputOptions = { out: options.out, inject: options.inject ?? [], svg: options.svg === true }
      setExitCode(await renderCommand(paths, outputs, options.check === true, io))
    })
}

export async function renderCommand(paths: readonly string[], options: OutputOptions, check: boolean, io: Io): Promise<number> {
  // Loaded here, not with the program: the renderer and its browser driver cost every other command a third of a second.
  const [{ renderModels }, { plannedFiles }] = await Promise.all([import('../render/documents.js'), import('../render/outputs.js')])
  const documents = await renderModels(paths, io.cwd)
  const planned = await plannedFiles(documents, options, io)
  const stale: PlannedFile[] = []
  for (const file of planned) if ((await readIfExists(file.file)) !== file.content) stale.push(file)
  const shown = (file: PlannedFile): string => displayPath(file.file, io.cwd)

  if (check) {
    for (const file of stale) io.stderr.write(`stale: ${shown(file)}\n`)
    if (stale.length === 0) {
      io.stderr.write(`up to date: ${planned.length} file${planned.length === 1 ? '' : 's'}\n`)
      return EXIT_CLEAN
    }
    io.stderr.write(`${stale.length} of ${planned.length} files stale: run plumbline render to update them\n`)
    return EXIT_FINDINGS
  }
  for (const file of stale) {
    await writeFileAtomic(file.file, file.content)
    io.stderr.write(`wrote ${shown(file)}\n`)
  }
  io.stderr.write(`${stale.length} written, ${planned.length - stale.length} unchanged\n`)
  return EXIT_CLEAN
}
