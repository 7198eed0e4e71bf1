/**
 * Covering sequences from the explored graph (`explored-graph.ts`).
 *
 * `transitions`: every reachable transition (edge) is taken at least once, each right after
 * a shortest path to its source state. A sequence starts with the breadth-first tree path to
 * the source of the first edge not yet covered, takes that edge, then keeps going while its
 * prefix is still a shortest path to where it stands (the last edge went one level deeper),
 * taking an uncovered edge from there each time (one that goes a level deeper first, so the
 * sequence can go on). Every edge on the way counts as covered. This is a greedy cover, so
 * the number of sequences is small but not proven least.
 *
 * `states`: every reachable state at least once, each by a shortest path: the tree paths
 * to the deepest states not yet passed, each marking every state on its way.
 */
import type { ExploredGraph } from './explored-graph.js'

export type CoverageGoal = 'transitions' | 'states'

export interface CoveringPath {
  /** The actions, in order, from the initial state. */
  actions: number[]
  /** The edge (index in the graph) each action takes. */
  edges: number[]
}

export function coveringPaths(graph: ExploredGraph, goal: CoverageGoal): CoveringPath[] {
  return goal === 'transitions' ? transitionCover(graph) : stateCover(graph)
}

function transitionCover(graph: ExploredGraph): CoveringPath[] {
  const { edges, depth } = graph
  const firstEdge = edgesBySource(graph)
  const treeEdge = treeEdges(graph, firstEdge)
  const covered = new Uint8Array(edges.length)
  // Per state, where to look for its next uncovered edge: edges before it are covered.
  const nextOut = firstEdge.slice(0, graph.states)
  const paths: CoveringPath[] = []
  for (let start = 0; start < edges.length; start++) {
    if (covered[start] === 1) continue
    const source = edges.from.at(start)
    const path = treePath(graph, treeEdge, source)
    for (const edge of path.edges) covered[edge] = 1
    let edge = start
    for (;;) {
      covered[edge] = 1
      path.actions.push(edges.action.at(edge))
      path.edges.push(edge)
      const at = edges.to.at(edge)
      // Past here the prefix would not be a shortest path to `at`: the sequence ends.
      if (depth[at] !== path.actions.length) break
      const next = uncoveredEdgeFrom(at, graph, firstEdge, nextOut, covered)
      if (next === -1) break
      edge = next
    }
    paths.push(path)
  }
  return paths
}

/** An uncovered edge from `state`, one going a level deeper where there is one; -1 when all are covered. */
function uncoveredEdgeFrom(
  state: number,
  graph: ExploredGraph,
  firstEdge: Uint32Array,
  nextOut: Uint32Array,
  covered: Uint8Array,
): number {
  const end = firstEdge[state + 1] ?? 0
  let edge = nextOut[state] ?? end
  while (edge < end && covered[edge] === 1) edge++
  nextOut[state] = edge
  let fallback = -1
  const deeper = (graph.depth[state] ?? 0) + 1
  for (; edge < end; edge++) {
    if (covered[edge] === 1) continue
    if (graph.depth[graph.edges.to.at(edge)] === deeper) return edge
    if (fallback === -1) fallback = edge
  }
  return fallback
}

function stateCover(graph: ExploredGraph): CoveringPath[] {
  const firstEdge = edgesBySource(graph)
  const treeEdge = treeEdges(graph, firstEdge)
  const passed = new Uint8Array(graph.states)
  passed[0] = 1
  const paths: CoveringPath[] = []
  // Deepest first: a path to a deep state passes the shallow ones on its way.
  for (let state = graph.states - 1; state > 0; state--) {
    if (passed[state] === 1) continue
    const path = treePath(graph, treeEdge, state)
    for (const edge of path.edges) passed[graph.edges.to.at(edge)] = 1
    paths.push(path)
  }
  return paths.reverse()
}

/** `first[s]..first[s+1]` are the edges from state s: the search takes them source by source, in order. */
function edgesBySource({ edges, states }: ExploredGraph): Uint32Array {
  const first = new Uint32Array(states + 1)
  let edge = 0
  for (let state = 0; state <= states; state++) {
    while (edge < edges.length && edges.from.at(edge) < state) edge++
    first[state] = edge
  }
  return first
}

/** For each state but the initial one, the edge its breadth-first parent link took. */
function treeEdges(graph: ExploredGraph, firstEdge: Uint32Array): Uint32Array {
  const tree = new Uint32Array(graph.states)
  const { visited } = graph.run
  for (let state = 1; state < graph.states; state++) {
    const parent = visited.parentOf(state)
    const action = visited.actionOf(state)
    for (let edge = firstEdge[parent] ?? 0; edge < (firstEdge[parent + 1] ?? 0); edge++)
      if (graph.edges.action.at(edge) === action) {
        tree[state] = edge
        break
      }
  }
  return tree
}

/** The breadth-first tree path to `state`: a shortest path. */
function treePath(graph: ExploredGraph, treeEdge: Uint32Array, state: number): CoveringPath {
  const edges: number[] = []
  for (let at = state; at !== 0; at = graph.run.visited.parentOf(at)) edges.push(treeEdge[at] ?? 0)
  edges.reverse()
  return { actions: edges.map((edge) => graph.edges.action.at(edge)), edges }
}

/** How much of the graph the paths cover: distinct edges and states (the initial state always). */
export function coverageOf(
  graph: ExploredGraph,
  paths: readonly CoveringPath[],
): { transitions: number; states: number } {
  const edges = new Uint8Array(graph.edges.length)
  const states = new Uint8Array(graph.states)
  if (graph.states > 0) states[0] = 1
  for (const path of paths)
    for (const edge of path.edges) {
      edges[edge] = 1
      states[graph.edges.to.at(edge)] = 1
    }
  return { transitions: edges.reduce((sum, bit) => sum + bit, 0), states: states.reduce((sum, bit) => sum + bit, 0) }
}
