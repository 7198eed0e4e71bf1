/**
 * Every file a render run would write, with its content, computed before anything is
 * written (so a failure, such as a missing Chromium, leaves every file as it was):
 * `<out>/<system>.md`, or the marker blocks of `--inject` files; and with `--svg`,
 * `<out>/<system>/<diagram>.svg` for every diagram Mermaid's limits let it draw; or, with
 * `--html`, the viewer's site (`site.ts`).
 */
import path from 'node:path'
import { fitsMermaidLimits, injectBlocks } from '@plumbline/render'
import { UsageError } from '../errors.js'
import type { Io } from '../io.js'
import { readUtf8File } from '../files/text-file.js'
import { displayPath } from '../load/find-model-files.js'
import { findChromium } from '../svg/find-chromium.js'
import { svgPackages } from '../svg/svg-packages.js'
import type { ModelDocument } from './documents.js'

export interface PlannedFile {
  /** Absolute path. */
  file: string
  content: string
}

export interface OutputOptions {
  out: string
  inject: readonly string[]
  svg: boolean
  /** The viewer site instead of Markdown (`--html`). */
  html: boolean
  /** With `html`: where pages listen for changes (serve). */
  live?: string
}

export async function plannedFiles(
  documents: readonly ModelDocument[],
  options: OutputOptions,
  io: Io,
): Promise<PlannedFile[]> {
  const out = path.resolve(io.cwd, options.out)
  if (options.html) {
    const { siteFiles } = await import('./site.js')
    return siteFiles(documents, out, options.live)
  }
  const files =
    options.inject.length > 0 ? await injectedFiles(documents, options.inject, io.cwd) : markdownFiles(documents, out)
  if (options.svg) files.push(...(await svgFiles(documents, out, io)))
  return files
}

function markdownFiles(documents: readonly ModelDocument[], out: string): PlannedFile[] {
  return documents.map(({ slug, rendered }) => ({ file: path.join(out, `${slug}.md`), content: rendered.markdown }))
}

async function injectedFiles(
  documents: readonly ModelDocument[],
  targets: readonly string[],
  cwd: string,
): Promise<PlannedFile[]> {
  const blocks = new Map(documents.flatMap(({ rendered }) => [...rendered.blocks]))
  const files: PlannedFile[] = []
  for (const target of targets) {
    const file = path.resolve(cwd, target)
    const read = await readUtf8File(file)
    if (read.kind === 'missing') throw new UsageError(`--inject ${target}: no such file`)
    if (read.kind === 'not-text')
      throw new UsageError(`--inject ${target}: ${read.reason}; it is left as it is (inject edits UTF-8 Markdown only)`)
    const result = injectBlocks(read.text, blocks)
    if (!result.success) throw new UsageError(`${displayPath(file, cwd)}: ${result.error}`)
    files.push({ file, content: result.text })
  }
  return files
}

async function svgFiles(documents: readonly ModelDocument[], out: string, io: Io): Promise<PlannedFile[]> {
  // Mermaid and the browser driver are optional packages, loaded only for --svg.
  const { mermaidBundle } = svgPackages()
  const executablePath = await findChromium(io.env)
  const { openMermaidSvgRenderer } = await import('../svg/mermaid-svg.js')
  const renderer = await openMermaidSvgRenderer(executablePath, mermaidBundle)
  try {
    const files: PlannedFile[] = []
    for (const { slug, rendered } of documents) {
      const drawn = rendered.diagrams.filter(({ diagram }) => fitsMermaidLimits(diagram))
      const svgs = await renderer.render(
        drawn.map(({ name, diagram }) => ({ text: diagram.text, id: `plumbline-${slug}-${name}` })),
      )
      drawn.forEach(({ name }, index) => {
        files.push({ file: path.join(out, slug, `${name}.svg`), content: `${svgs[index]}\n` })
      })
    }
    return files
  } finally {
    await renderer.close()
  }
}
