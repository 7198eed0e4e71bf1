/**
 * The viewer as a static site (`render --html`, and what `serve` serves): `index.html`,
 * one `<system>.html` a model, and `assets/` — the viewer's script and styles and the
 * installed Mermaid bundle, so the site works from `file://` and any static host with no
 * request leaving it. The same models, the same bytes.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { distinctSlugs, VIEWER_ASSETS, viewerIndex, viewerPage } from '@plumbline/render'
import { installedMermaid } from '../svg/installed-mermaid.js'
import type { ModelDocument } from './documents.js'

/** A file of the site (absolute path) and its content; outputs.ts plans these with the rest. */
interface SiteFile {
  file: string
  content: string
}

/** `live`: the path pages listen on for "the model changed" (serve only). */
export async function siteFiles(
  documents: readonly ModelDocument[],
  out: string,
  live: string | undefined,
): Promise<SiteFile[]> {
  const require = createRequire(import.meta.url)
  const [mermaid, script, style] = await Promise.all([
    readFile(installedMermaid(), 'utf8'),
    readFile(require.resolve('@plumbline/render/viewer/viewer.js'), 'utf8'),
    readFile(require.resolve('@plumbline/render/viewer/viewer.css'), 'utf8'),
  ])
  // `index` is the index page's: a system of that name gets a suffix.
  const pages = distinctSlugs(['index', ...documents.map(({ slug }) => slug)])
    .slice(1)
    .map((slug) => `${slug}.html`)
  const files: SiteFile[] = documents.map(({ model, check, rendered, source }, index) => ({
    file: path.join(out, pages[index] ?? ''),
    content: viewerPage({
      model,
      diagnostics: check.diagnostics,
      questions: check.questions,
      rendered,
      source,
      ...(live === undefined ? {} : { live }),
    }),
  }))
  files.push(
    {
      file: path.join(out, 'index.html'),
      content: viewerIndex(
        documents.map(({ system, check, source }, index) => ({
          system,
          file: pages[index] ?? '',
          source,
          diagnostics: check.diagnostics,
        })),
        live,
      ),
    },
    { file: path.join(out, VIEWER_ASSETS.mermaid), content: mermaid },
    { file: path.join(out, VIEWER_ASSETS.script), content: script },
    { file: path.join(out, VIEWER_ASSETS.style), content: style },
  )
  return files
}
