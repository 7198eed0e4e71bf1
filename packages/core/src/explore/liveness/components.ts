/**
 * Strongly connected components of a part of the step graph (Tarjan's algorithm, without
 * recursion: the graph may have millions of states). The part is the states marked with
 * the run's tag in `mark`; components come out in reverse topological order (a component
 * after every component it can reach).
 */
import type { StepEdges } from './edges.js'

export class Components {
  /** A state is in the part being searched where `mark[state]` is the run's tag. */
  readonly mark: Int32Array
  private tag = 0
  private readonly order: Int32Array
  private readonly low: Int32Array
  private readonly onStack: Uint8Array
  private readonly stack: Uint32Array
  private readonly calls: Uint32Array
  private readonly positions: Uint32Array

  constructor(
    private readonly edges: StepEdges,
    states: number,
  ) {
    this.mark = new Int32Array(states)
    this.order = new Int32Array(states)
    this.low = new Int32Array(states)
    this.onStack = new Uint8Array(states)
    this.stack = new Uint32Array(states)
    this.calls = new Uint32Array(states)
    this.positions = new Uint32Array(states)
  }

  /** A fresh tag: mark the part's states with it, then call `find`. */
  newTag(): number {
    return ++this.tag
  }

  /** The components of the states of `nodes` (all marked with `tag`), in reverse topological order. */
  find(nodes: ArrayLike<number>, tag: number): Uint32Array[] {
    const { mark, order, low, onStack, stack, calls, positions } = this
    const { offsets, targets } = this.edges
    for (let i = 0; i < nodes.length; i++) order[nodes[i]!] = -1
    const found: Uint32Array[] = []
    let counter = 0
    let top = 0
    for (let i = 0; i < nodes.length; i++) {
      const root = nodes[i]!
      if (order[root] !== -1) continue
      let depth = 0
      calls[0] = root
      positions[0] = offsets[root]!
      order[root] = low[root] = counter++
      stack[top++] = root
      onStack[root] = 1
      while (depth >= 0) {
        const node = calls[depth]!
        const end = offsets[node + 1]!
        let position = positions[depth]!
        let descended = false
        while (position < end) {
          const target = targets[position++]!
          if (mark[target] !== tag) continue
          if (order[target] === -1) {
            positions[depth] = position
            depth++
            calls[depth] = target
            positions[depth] = offsets[target]!
            order[target] = low[target] = counter++
            stack[top++] = target
            onStack[target] = 1
            descended = true
            break
          }
          if (onStack[target] === 1 && order[target]! < low[node]!) low[node] = order[target]!
        }
        if (descended) continue
        if (low[node] === order[node]) {
          let start = top
          do start--
          while (stack[start] !== node)
          const component = stack.slice(start, top)
          for (let j = start; j < top; j++) onStack[stack[j]!] = 0
          top = start
          found.push(component)
        }
        depth--
        if (depth >= 0) {
          const parent = calls[depth]!
          if (low[node]! < low[parent]!) low[parent] = low[node]!
        }
      }
    }
    return found
  }
}
