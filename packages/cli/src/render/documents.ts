/**
 * The documents of the models on the command line: each model loaded, checked and drawn.
 * A model whose shape is broken cannot be drawn (exit 2, naming the file and element);
 * two models of the same system name would write the same document (exit 2 as well).
 */
import { checkSystem } from '@plumbline/core'
import { distinctSlugs, renderDocument, type RenderedDocument } from '@plumbline/render'
import { UsageError } from '../errors.js'
import { loadModels } from '../load/load-models.js'

export interface ModelDocument {
  /** The model file as shown to the user. */
  shown: string
  system: string
  /** The document's file name without extension. */
  slug: string
  rendered: RenderedDocument
}

export async function renderModels(paths: readonly string[], cwd: string): Promise<ModelDocument[]> {
  const drawn: Array<Omit<ModelDocument, 'slug'>> = []
  const problems: string[] = []
  const fileOfSystem = new Map<string, string>()
  for (const { shown, exported } of await loadModels(paths, cwd)) {
    const check = await checkSystem(exported)
    if (check.model === undefined) {
      for (const { element, message } of check.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'))
        problems.push(`${shown}: cannot be drawn: ${element === '' ? '' : `${element}: `}${message}`)
      continue
    }
    const { model } = check
    const other = fileOfSystem.get(model.name)
    if (other !== undefined) {
      problems.push(`${shown}: system ${JSON.stringify(model.name)} is also defined in ${other}; each system needs its own name`)
      continue
    }
    fileOfSystem.set(model.name, shown)
    drawn.push({ shown, system: model.name, rendered: renderDocument({ model, check, source: shown }) })
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'))
  const slugs = distinctSlugs(drawn.map((document) => document.system))
  return drawn.map((document, index) => ({ ...document, slug: slugs[index] ?? document.system }))
}
