/**
 * The system as a data-flow `flowchart`: components drawn in their kind's shape, trust
 * zones as subgraphs (least trusted first), every flow step as a labelled edge (identical
 * edges drawn once), and each contract no step uses as a dotted edge, so that no declared
 * connection is missing.
 */
import type { ComponentKind, Model } from '@plumbline/core'
import { diagramText, type MermaidDiagram } from '../diagram.js'
import { IdAllocator } from '../escape/ids.js'
import { mermaidInlineLabel } from '../escape/label.js'
import { componentsOf, stepLabel, zoneOf, zonesByTrust } from '../model-reading.js'

/** Opening and closing brackets of each kind's shape (node syntax both Mermaid 10.7 and 11 read). */
export const SHAPES: Readonly<Record<ComponentKind | 'none', readonly [string, string]>> = {
  person: ['([', '])'],
  actor: ['([', '])'],
  system: ['[', ']'],
  container: ['[', ']'],
  component: ['[', ']'],
  service: ['(', ')'],
  datastore: ['[(', ')]'],
  queue: ['[/', '/]'],
  external: ['{{', '}}'],
  none: ['[', ']'],
}

export function componentDiagram(model: Model): MermaidDiagram {
  const nodeIds = new IdAllocator('c_')
  const zoneIds = new IdAllocator('z_')
  const lines: Array<readonly [number, string]> = [[0, 'flowchart LR']]
  const node = (component: string): string => {
    const [open, close] = SHAPES[model.components[component]?.kind ?? 'none']
    return `${nodeIds.idFor(component)}${open}"${mermaidInlineLabel(component)}"${close}`
  }
  const components = componentsOf(model)
  for (const zone of zonesByTrust(model)) {
    lines.push([1, `subgraph ${zoneIds.idFor(zone)}["${mermaidInlineLabel(zoneLabel(model, zone))}"]`])
    for (const component of components) if (zoneOf(model, component) === zone) lines.push([2, node(component)])
    lines.push([1, 'end'])
  }
  for (const component of components) if (zoneOf(model, component) === undefined) lines.push([1, node(component)])

  const edges = new Set<string>()
  for (const flow of Object.values(model.flows))
    for (const step of flow.steps) {
      const label = stepLabel(step)
      edges.add(
        `${nodeIds.idFor(step.from)} -->${label === '' ? '' : `|"${mermaidInlineLabel(label)}"|`} ${nodeIds.idFor(step.to)}`,
      )
    }
  const usedContracts = new Set(Object.values(model.flows).flatMap((flow) => flow.steps.map((step) => step.contract)))
  for (const [id, contract] of Object.entries(model.contracts))
    if (!usedContracts.has(id))
      edges.add(`${nodeIds.idFor(contract.from)} -.->|"${mermaidInlineLabel(id)}"| ${nodeIds.idFor(contract.to)}`)
  for (const edge of edges) lines.push([1, edge])
  return { text: diagramText(lines), edges: edges.size }
}

function zoneLabel(model: Model, zone: string): string {
  return `${zone} (trust ${model.zones[zone]?.trust ?? 0})`
}
