/**
 * A deployment environment's nodes, nested as the user writes them, walked in order: each
 * with its element path and how many of it run (its `instances` times its ancestors').
 */
import type { PathSegment } from './element-path.js'
import type { DeploymentNode } from './types.js'

export interface PlacedNode {
  name: string
  path: PathSegment[]
  node: DeploymentNode
  /** The names of the nodes it is inside, outermost first. */
  within: string[]
  /** Instances of the node itself times those of every node around it. */
  instances: number
}

export function deploymentNodesOf(environment: string, nodes: Readonly<Record<string, DeploymentNode>>): PlacedNode[] {
  const placed: PlacedNode[] = []
  const visit = (
    level: Readonly<Record<string, DeploymentNode>>,
    path: PathSegment[],
    within: string[],
    outer: number,
  ): void => {
    for (const [name, node] of Object.entries(level)) {
      const nodePath = [...path, 'nodes', name]
      const instances = outer * (node.instances ?? 1)
      placed.push({ name, path: nodePath, node, within, instances })
      visit(node.nodes ?? {}, nodePath, [...within, name], instances)
    }
  }
  visit(nodes, ['deployment', environment], [], 1)
  return placed
}
