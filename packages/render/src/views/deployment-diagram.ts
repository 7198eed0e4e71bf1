/**
 * A deployment environment as a `flowchart`: each node a subgraph (nested as written,
 * labelled with its technology and its instances), each element it runs a node inside it,
 * the model's relations between the elements deployed (rolled up to them, drawn between
 * every pair of their instances), and the environment's relations between nodes as
 * dotted edges between subgraphs (replication, failover).
 */
import { relationsAmong, type DeploymentEnvironment, type DeploymentNode, type Model } from '@plumbline/core'
import { diagramText, type MermaidDiagram } from '../diagram.js'
import { IdAllocator } from '../escape/ids.js'
import { mermaidInlineLabel } from '../escape/label.js'
import { elementNode } from './element-node.js'
import { relationLabel } from './view-diagram.js'

export function deploymentDiagram(model: Model, environment: DeploymentEnvironment): MermaidDiagram {
  const nodeIds = new IdAllocator('n_')
  const instanceIds = new IdAllocator('i_')
  const lines: Array<readonly [number, string]> = [[0, 'flowchart TB']]
  /** Where each deployed element runs: the ids of its instances' nodes. */
  const instances = new Map<string, string[]>()
  const draw = (level: Readonly<Record<string, DeploymentNode>>, depth: number): void => {
    for (const [node, definition] of Object.entries(level)) {
      lines.push([depth, `subgraph ${nodeIds.idFor(node)}["${mermaidInlineLabel(nodeLabel(node, definition))}"]`])
      for (const element of definition.runs ?? []) {
        const id = instanceIds.idFor(JSON.stringify([node, element]), element)
        instances.set(element, [...(instances.get(element) ?? []), id])
        lines.push([depth + 1, elementNode(model, element, id)])
      }
      draw(definition.nodes ?? {}, depth + 1)
      lines.push([depth, 'end'])
    }
  }
  draw(environment.nodes, 1)
  let edges = 0
  for (const relation of relationsAmong(model, new Set(instances.keys()))) {
    const label = relationLabel(relation)
    for (const from of instances.get(relation.from) ?? [])
      for (const to of instances.get(relation.to) ?? []) {
        lines.push([1, `${from} -->${label === '' ? '' : `|"${mermaidInlineLabel(label)}"|`} ${to}`])
        edges++
      }
  }
  for (const relation of environment.relations ?? []) {
    const label = relationLabel(relation)
    lines.push([
      1,
      `${nodeIds.idFor(relation.from)} -.->${label === '' ? '' : `|"${mermaidInlineLabel(label)}"|`} ${nodeIds.idFor(relation.to)}`,
    ])
    edges++
  }
  return { text: diagramText(lines), edges }
}

function nodeLabel(name: string, node: { technology?: string; instances?: number }): string {
  const technology = node.technology === undefined ? '' : ` [${node.technology}]`
  const instances = (node.instances ?? 1) === 1 ? '' : ` ×${node.instances}`
  return `${name}${technology}${instances}`
}
