/**
 * A zoom-level view as a `flowchart`: each boundary a subgraph holding what is shown of its
 * parts, every shown element in its kind's shape, each relation an edge labelled with its
 * description and technology.
 */
import { parentOf, type Model, type Relation } from '@plumbline/core'
import { diagramText, type MermaidDiagram } from '../diagram.js'
import { IdAllocator } from '../escape/ids.js'
import { mermaidInlineLabel } from '../escape/label.js'
import { elementNode } from './element-node.js'
import type { ZoomView } from './zoom-levels.js'

export function viewDiagram(model: Model, view: ZoomView): MermaidDiagram {
  const nodeIds = new IdAllocator('e_')
  const boundaryIds = new IdAllocator('b_')
  const lines: Array<readonly [number, string]> = [[0, 'flowchart LR']]
  const boundaries = new Set(view.boundaries)
  const within = (parent: string | undefined): string[] =>
    [...boundaries, ...view.shown].filter(
      (element, index, all) => all.indexOf(element) === index && parentOf(model, element) === parent,
    )
  const draw = (parent: string | undefined, depth: number): void => {
    for (const element of within(parent)) {
      if (boundaries.has(element)) {
        lines.push([depth, `subgraph ${boundaryIds.idFor(element)}["${mermaidInlineLabel(element)}"]`])
        draw(element, depth + 1)
        lines.push([depth, 'end'])
      } else lines.push([depth, elementNode(model, element, nodeIds.idFor(element))])
    }
  }
  // Every shown element's parent is a boundary or none (zoom-levels.ts), so this draws them all.
  draw(undefined, 1)
  for (const relation of view.relations) lines.push([1, relationEdge(relation, nodeIds)])
  return { text: diagramText(lines), edges: view.relations.length }
}

/** `description [technology]`, either part left out where missing. */
export function relationLabel(relation: { description?: string | undefined; technology?: string | undefined }): string {
  return [relation.description, relation.technology === undefined ? undefined : `[${relation.technology}]`]
    .filter((part) => part !== undefined && part !== '')
    .join(' ')
}

function relationEdge(relation: Relation, ids: IdAllocator): string {
  const label = relationLabel(relation)
  return `${ids.idFor(relation.from)} -->${label === '' ? '' : `|"${mermaidInlineLabel(label)}"|`} ${ids.idFor(relation.to)}`
}
