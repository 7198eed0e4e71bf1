/**
 * The documents of checked models: each drawn beside its check. A model whose shape is
 * broken cannot be drawn (exit 2, naming the file and element); two models of the same
 * system name would write the same document (exit 2 as well).
 */
import type { Diagnostic, Model, SystemCheck } from '@plumbline/core'
import { distinctSlugs, renderDocument, type DocumentInput, type RenderedDocument } from '@plumbline/render'
import { UsageError } from '../errors.js'
import { displayPath } from '../load/find-model-files.js'
import type { CheckedSystem } from '../run/check-systems.js'
import { duplicateSystemMessage } from '../run/duplicate-systems.js'

export interface ModelDocument {
  /** The model file as shown to the user. */
  shown: string
  system: string
  /** The model file as the document names it (from the config's folder). */
  source: string
  model: Model
  check: SystemCheck
  /** The document's file name without extension. */
  slug: string
  rendered: RenderedDocument
}

/**
 * `sourceBase`: the folder a document names its model file from (the config's, else the
 * working directory), so the same document is written from whichever folder it is rendered.
 * `machines`: how state diagrams are drawn (`--detail`, `--max-states`).
 */
export function renderModels(
  systems: readonly CheckedSystem[],
  sourceBase: string,
  machines: DocumentInput['machines'] = {},
): ModelDocument[] {
  const drawn: Array<Omit<ModelDocument, 'slug'>> = []
  const problems: string[] = []
  const fileOfSystem = new Map<string, string>()
  for (const { file, shown, check } of systems) {
    if (check.model === undefined) {
      problems.push(...shapeProblems(shown, check.diagnostics))
      continue
    }
    const { model } = check
    const other = fileOfSystem.get(model.name)
    if (other !== undefined) {
      problems.push(duplicateSystemMessage(shown, model.name, other))
      continue
    }
    fileOfSystem.set(model.name, shown)
    const source = displayPath(file, sourceBase)
    drawn.push({
      shown,
      system: model.name,
      source,
      model,
      check,
      rendered: renderDocument({ model, check, source, machines }),
    })
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'))
  const slugs = distinctSlugs(drawn.map((document) => document.system))
  return drawn.map((document, index) => ({ ...document, slug: slugs[index] ?? document.system }))
}

/** Why a malformed model cannot be drawn: its errors; where a config turned them down, whatever is left of them. */
function shapeProblems(shown: string, diagnostics: readonly Diagnostic[]): string[] {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  const reasons = errors.length > 0 ? errors : diagnostics
  if (reasons.length === 0)
    return [`${shown}: cannot be drawn: its shape is broken, and the config turns off the rules that would say where`]
  return reasons.map(
    ({ element, message }) => `${shown}: cannot be drawn: ${element === '' ? '' : `${element}: `}${message}`,
  )
}
