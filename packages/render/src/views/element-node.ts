/** An element as a flowchart node, in its kind's shape (the component diagram's shapes). */
import type { Model } from '@plumbline/core'
import { SHAPES } from '../component/component-diagram.js'
import { mermaidInlineLabel } from '../escape/label.js'

export function elementNode(model: Model, element: string, id: string): string {
  const [open, close] = SHAPES[model.components[element]?.kind ?? 'none']
  return `${id}${open}"${mermaidInlineLabel(element)}"${close}`
}
