import { describe, expect, it } from 'vitest'
import { exploreBreadthFirst, pathTo, type InPlaceChange, type TransitionSystem } from './breadth-first.js'
import { fingerprintInto } from '../fingerprint/fingerprint.js'
import type { ExplorationBounds, ExplorationProgress } from '../types.js'
import { DEFAULT_BOUNDS } from '../types.js'

/** A transition system over a graph given as lists: node i's action a leads to edges[i][a] (or is disabled when undefined). */
class GraphSystem implements TransitionSystem<{ node: number }> {
  readonly initial = { node: 0 }
  readonly indexKnown = true
  readonly actionCount: number
  readonly visits: number[] = []
  readonly steps: [number, number, number][] = []
  readonly expanded: [number, number][] = []
  changed: [number, InPlaceChange] | undefined

  constructor(private readonly edges: (number | undefined)[][]) {
    this.actionCount = Math.max(...edges.map((targets) => targets.length))
  }

  fingerprint(state: { node: number }, out: Int32Array): boolean {
    fingerprintInto(state, 'plain', out)
    return true
  }

  actionsIn(): ArrayLike<number> {
    return Array.from({ length: this.actionCount }, (_, action) => action)
  }

  step(state: { node: number }, _index: number, action: number): { node: number } | undefined {
    const target = this.edges[state.node]?.[action]
    return target === undefined ? undefined : { node: target }
  }

  visitState(state: { node: number }): void {
    this.visits.push(state.node)
  }

  visitStep(from: { node: number }, _fromIndex: number, action: number, _to: { node: number }, toIndex: number): void {
    this.steps.push([from.node, action, toIndex])
  }

  visitExpanded(state: { node: number }, _index: number, enabled: number): void {
    this.expanded.push([state.node, enabled])
  }

  changedInPlace(_state: { node: number }, index: number, change: InPlaceChange): void {
    this.changed = [index, change]
  }
}

const bounds = (overrides: Partial<ExplorationBounds> = {}) => ({
  bounds: { ...DEFAULT_BOUNDS, ...overrides },
  element: 'stores.test',
})

// 0 → 1, 2; 1 → 3; 2 → 3, 4; 3 → 0; 4 → 5
const diamond = [[1, 2], [3], [3, 4], [0], [undefined, 5], []]

describe('exploreBreadthFirst', () => {
  it('visits each reachable state once, level by level, by parent then by action', () => {
    const system = new GraphSystem(diamond)
    const run = exploreBreadthFirst(system, bounds())
    expect(system.visits).toEqual([0, 1, 2, 3, 4, 5])
    expect(run).toMatchObject({ states: 6, transitions: 7, depth: 3, bound: undefined })
    expect(system.steps).toEqual([
      [0, 0, 1],
      [0, 1, 2],
      [1, 0, 3],
      [2, 0, 3],
      [2, 1, 4],
      [3, 0, 0],
      [4, 1, 5],
    ])
    expect(system.expanded).toEqual([
      [0, 2],
      [1, 1],
      [2, 2],
      [3, 1],
      [4, 1],
      [5, 0],
    ])
  })

  it('keeps a shortest path to every state', () => {
    const system = new GraphSystem(diamond)
    const { visited } = exploreBreadthFirst(system, bounds())
    expect(pathTo(visited, 0)).toEqual([])
    expect(pathTo(visited, 3)).toEqual([0, 0])
    expect(pathTo(visited, 5)).toEqual([1, 1, 1])
  })

  it('stops at the state bound, having visited exactly that many states', () => {
    const run = exploreBreadthFirst(new GraphSystem(diamond), bounds({ maxStates: 4 }))
    expect(run).toMatchObject({ states: 4, bound: 'states' })
  })

  it('is complete when the state bound equals the number of states', () => {
    expect(exploreBreadthFirst(new GraphSystem(diamond), bounds({ maxStates: 6 })).bound).toBeUndefined()
  })

  it('stops at the depth bound only when a state lies beyond it', () => {
    expect(exploreBreadthFirst(new GraphSystem(diamond), bounds({ maxDepth: 2 }))).toMatchObject({
      states: 5,
      depth: 2,
      bound: 'depth',
    })
    const exact = exploreBreadthFirst(new GraphSystem(diamond), bounds({ maxDepth: 3 }))
    expect(exact).toMatchObject({ states: 6, depth: 3, bound: undefined })
  })

  it('stops at the time bound', () => {
    const chain = Array.from({ length: 5000 }, (_, node) => [node + 1])
    const run = exploreBreadthFirst(new GraphSystem(chain), bounds({ timeoutMs: 0 }))
    expect(run.bound).toBe('time')
    expect(run.states).toBeLessThan(5000)
  })

  it('reports progress while it runs', () => {
    const chain = Array.from({ length: 3000 }, (_, node) => [node + 1])
    const system = new GraphSystem(chain)
    const step = system.step.bind(system)
    system.step = (state, index, action) => {
      const until = performance.now() + 0.15
      while (performance.now() < until);
      return step(state, index, action)
    }
    const seen: ExplorationProgress[] = []
    exploreBreadthFirst(system, { ...bounds(), onProgress: (progress) => seen.push(progress) })
    expect(seen.length).toBeGreaterThan(0)
    expect(seen[0]).toMatchObject({ element: 'stores.test' })
    expect(seen.every((progress, i) => i === 0 || progress.states >= seen[i - 1]!.states)).toBe(true)
  })

  it('stops when a state changes while it is expanded', () => {
    const system = new GraphSystem(diamond)
    const step = system.step.bind(system)
    system.step = (state, index, action) => {
      const next = step(state, index, action)
      if (state.node === 2) state.node = 4
      return next
    }
    const run = exploreBreadthFirst(system, bounds())
    expect(system.changed).toEqual([2, { foundSince: 4, path: [1] }])
    expect(run.bound).toBeUndefined()
  })
})
