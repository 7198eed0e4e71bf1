/**
 * Liveness verdicts against an independent search: for random small graphs (written as
 * stores), a fair behaviour that never reaches `then` exists exactly when some set of steps
 * among `¬then` states is strongly connected, reachable from a `when` state, and fair (its
 * states and groups decide weak and strong fairness), or a `¬then` state with nothing
 * enabled is. Every subset of steps is tried, with none of the checker's components. Each
 * lasso found is replayed and checked to be a fair behaviour that never reaches `then`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StoreDefinition } from '../../model/types.js'
import { exploreStore } from '../store/explore-store.js'
import { DEFAULT_BOUNDS } from '../types.js'

interface Graph {
  size: number
  /** [from, group, to] */
  steps: [number, number, number][]
  when: boolean[] | undefined
  then: boolean[]
  weak: boolean[]
  strong: boolean[]
}

const GROUPS = 3
const OPERATIONS = ['a', 'b', 'c']

const graphs = fc.integer({ min: 1, max: 5 }).chain((size) =>
  fc.record({
    size: fc.constant(size),
    steps: fc.uniqueArray(fc.tuple(fc.nat(size - 1), fc.nat(GROUPS - 1), fc.nat(size - 1)), {
      maxLength: 9,
      selector: (step) => step.join(),
    }),
    when: fc.option(fc.array(fc.boolean(), { minLength: size, maxLength: size }), { nil: undefined }),
    then: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
    weak: fc.array(fc.boolean(), { minLength: GROUPS, maxLength: GROUPS }),
    strong: fc.array(fc.boolean(), { minLength: GROUPS, maxLength: GROUPS }),
  }),
)

function storeOf(graph: Graph): StoreDefinition {
  const targets = [...Array(graph.size).keys()]
  return {
    initial: { at: 0 },
    domains: { targets },
    operations: Object.fromEntries(
      OPERATIONS.map((operation, group) => [
        operation,
        {
          params: { to: 'targets' },
          guard: (s: { at: number }, { to }: { to: number }) =>
            graph.steps.some(([from, g, target]) => from === s.at && g === group && target === to),
          apply: (_s: { at: number }, { to }: { to: number }) => ({ at: to }),
        },
      ]),
    ),
    liveness: {
      p: {
        ...(graph.when === undefined ? {} : { when: (s: { at: number }) => graph.when![s.at]! }),
        then: (s: { at: number }) => graph.then[s.at]!,
      },
    },
    fairness: {
      weak: OPERATIONS.filter((_, group) => graph.weak[group]),
      strong: OPERATIONS.filter((_, group) => graph.strong[group]),
    },
  }
}

/** An operation and its param. */
type Action = [number, number]

const actionsOf = (graph: Graph): Action[] =>
  [...Array(GROUPS).keys()].flatMap((group) => [...Array(graph.size).keys()].map((to): Action => [group, to]))

function reachableFrom(graph: Graph, starts: number[], through: (state: number) => boolean): Set<number> {
  const seen = new Set(starts)
  const queue = [...starts]
  while (queue.length > 0) {
    const state = queue.shift()!
    for (const [from, , to] of graph.steps)
      if (from === state && through(to) && !seen.has(to)) {
        seen.add(to)
        queue.push(to)
      }
  }
  return seen
}

/** Is some fair behaviour from a reachable when state free of then? By trying every set of steps. */
function violatedByBruteForce(graph: Graph): boolean {
  const reachable = reachableFrom(graph, [0], () => true)
  const open = (state: number) => !graph.then[state]
  const starts = [...reachable].filter(
    (state) => open(state) && (graph.when === undefined ? state === 0 : graph.when[state]),
  )
  const from = reachableFrom(graph, starts, open)
  const enabled = (state: number, [group, to]: Action) =>
    graph.steps.some(([s, g, t]) => s === state && g === group && t === to)
  if ([...from].some((state) => open(state) && !graph.steps.some(([s]) => s === state))) return true
  const inner = graph.steps.filter(([s, , t]) => from.has(s) && open(s) && from.has(t) && open(t))
  for (let subset = 1; subset < 1 << inner.length; subset++) {
    const chosen = inner.filter((_, i) => subset & (1 << i))
    const nodes = [...new Set(chosen.flatMap(([s, , t]) => [s, t]))]
    const along = (start: number, reverse: boolean) => {
      const seen = new Set([start])
      const queue = [start]
      while (queue.length > 0) {
        const state = queue.shift()!
        for (const [s, , t] of chosen) {
          const [a, b] = reverse ? [t, s] : [s, t]
          if (a === state && !seen.has(b)) {
            seen.add(b)
            queue.push(b)
          }
        }
      }
      return seen
    }
    if (along(nodes[0]!, false).size !== nodes.length || along(nodes[0]!, true).size !== nodes.length) continue
    const takes = new Set(chosen.map(([, g, t]) => `${g}:${t}`))
    const fair = actionsOf(graph).every(
      (action) =>
        takes.has(action.join(':')) ||
        ((!graph.weak[action[0]] || nodes.some((state) => !enabled(state, action))) &&
          (!graph.strong[action[0]] || nodes.every((state) => !enabled(state, action)))),
    )
    if (fair) return true
  }
  return false
}

describe('liveness against an independent search', () => {
  it('gives the same verdicts, and every lasso is a fair behaviour that never reaches then', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const outcome = exploreStore('g', storeOf(graph), { bounds: DEFAULT_BOUNDS })!
        const finding = outcome.findings.find(({ rule }) => rule === 'liveness/violated')
        expect(finding !== undefined).toBe(violatedByBruteForce(graph))
        if (finding === undefined) return
        const states = [0, ...finding.trace!.map(({ state }) => (state as { at: number }).at)]
        const loop = finding.loop!
        // From some when state at or before the loop's start on, then never holds.
        const start = states.findIndex(
          (state, i) =>
            i <= loop &&
            (graph.when === undefined ? i === 0 : graph.when[state]) &&
            states.slice(i).every((s) => !graph.then[s]),
        )
        expect(start).toBeGreaterThanOrEqual(0)
        const enabled = (state: number, [group, to]: Action) =>
          graph.steps.some(([s, g, t]) => s === state && g === group && t === to)
        if (loop === finding.trace!.length) {
          expect(graph.steps.some(([s]) => s === states.at(-1))).toBe(false)
          return
        }
        expect(states.at(-1)).toBe(states[loop])
        const cycle = states.slice(loop, -1)
        const taken = new Set(
          finding.trace!.slice(loop).map(({ action, params }) => `${OPERATIONS.indexOf(action)}:${params.to}`),
        )
        for (const action of actionsOf(graph)) {
          if (taken.has(action.join(':'))) continue
          if (graph.weak[action[0]]) expect(cycle.every((state) => enabled(state, action))).toBe(false)
          if (graph.strong[action[0]]) expect(cycle.some((state) => enabled(state, action))).toBe(false)
        }
      }),
      { numRuns: 400 },
    )
  })
})
