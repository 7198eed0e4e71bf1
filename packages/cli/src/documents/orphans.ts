/**
 * Documents in the output folder that no model renders any more: written by `plumbline
 * render` (a Markdown document's first line names the model file, a viewer page's second,
 * after its doctype), and that file is gone, or was rendered in this run under another
 * system name. Without this, deleting or renaming a model left its old document (or page)
 * behind, and `render --check` passed on a stale folder.
 *
 * A document whose model file still exists but was not part of this run (`plumbline render
 * models/one.ts`) is left alone: it may well be current.
 */
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { generatedFrom } from '@plumbline/render'
import { readIfExists } from '../files/atomic-write.js'

export interface OrphanedDocument {
  /** Absolute path. */
  file: string
  /** Why no model renders it, for the user. */
  reason: string
}

/** Where a kind of output names its model: the line of the marker. */
const MARKER_LINE = { '.md': 0, '.html': 1 } as const

/**
 * `planned`: the files this run writes; `rendered`: the model files this run rendered
 * (absolute); `sourceBase`: the folder documents name their model files from; `kind`: the
 * documents this run writes, Markdown or the site's pages (each leaves the other alone).
 */
export async function orphanedDocuments(
  out: string,
  planned: ReadonlySet<string>,
  rendered: ReadonlySet<string>,
  sourceBase: string,
  kind: keyof typeof MARKER_LINE,
): Promise<OrphanedDocument[]> {
  let names: string[]
  try {
    names = await readdir(out)
  } catch {
    return []
  }
  const orphans: OrphanedDocument[] = []
  for (const name of names.filter((entry) => entry.endsWith(kind)).sort()) {
    const file = path.join(out, name)
    if (planned.has(file)) continue
    const markerLine = (await readIfExists(file))?.split('\n', MARKER_LINE[kind] + 1)[MARKER_LINE[kind]]
    const source = markerLine === undefined ? undefined : generatedFrom(markerLine)
    if (source === undefined) continue
    const model = path.resolve(sourceBase, source)
    if (!existsSync(model)) orphans.push({ file, reason: `its model ${source} is gone` })
    else if (rendered.has(model)) orphans.push({ file, reason: `${source} now renders another system` })
  }
  return orphans
}
