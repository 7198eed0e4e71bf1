/**
 * Liveness on the explored graph: `when` leads to `then` fails where a fair behaviour from
 * a reachable `when` state never reaches a `then` state. Such a behaviour stays among the
 * `¬then` states and either stops in a state with nothing enabled, or ends in a fair strongly
 * connected component of them, which it goes round for ever (a lasso).
 *
 * Fairness is per action (an operation with its params, an event with its payload). A
 * component is weakly fair for a group unless the group is enabled in every one of its
 * states and taken on none of its steps; strongly fair unless the group is enabled in some
 * state and taken on no step, in which case those states are dropped and what is left is
 * searched again (Emerson and Lei's algorithm). A lasso's loop is built to go through a
 * step of each group that must be taken, and a state where each weakly fair group that
 * need not be taken is not enabled.
 */
import { Components } from './components.js'
import type { StepEdges } from './edges.js'

export interface LivenessGraph {
  states: number
  edges: StepEdges
  /** Actions: each is its own fairness group. */
  groups: number
  /** 1 for each weakly (strongly) fair action. */
  weak: Uint8Array
  strong: Uint8Array
}

export interface LivenessMarks {
  /** 1 where `when` holds; undefined: the initial state alone ("eventually"). */
  when: Uint8Array | undefined
  /** 1 where `then` holds. */
  then: Uint8Array
}

/** A counterexample: from state `start` (a `when` state), `actions`, of which those from `loop` on repeat for ever. */
export interface Lasso {
  start: number
  actions: number[]
  /** `actions.length` where the behaviour stops in a state with nothing enabled. */
  loop: number
}

/** What one component takes and enables, group by group. */
interface GroupCounts {
  /** States of the component in which the group is enabled. */
  enabledIn: Uint32Array
  /** 1 where a step of the group stays in the component. */
  taken: Uint8Array
}

export function checkLiveness(graph: LivenessGraph, marks: LivenessMarks): Lasso | undefined {
  return new LivenessSearch(graph, marks).run()
}

class LivenessSearch {
  private readonly components: Components
  /** The fair set (or stopping state) each state belongs to, as an index into `fairSets`; -1 for none. */
  private readonly fairOf: Int32Array
  private readonly fairSets: Uint32Array[] = []
  private readonly stamp: Int32Array
  private stampCounter = 0

  constructor(
    private readonly graph: LivenessGraph,
    private readonly marks: LivenessMarks,
  ) {
    this.components = new Components(graph.edges, graph.states)
    this.fairOf = new Int32Array(graph.states).fill(-1)
    this.stamp = new Int32Array(graph.groups)
  }

  run(): Lasso | undefined {
    const { states, edges } = this.graph
    const { then, when } = this.marks
    const { offsets, targets } = edges
    const tag = this.components.newTag()
    const mark = this.components.mark
    const open: number[] = []
    for (let state = 0; state < states; state++)
      if (then[state] === 0) {
        mark[state] = tag
        open.push(state)
      }
    if (open.length === 0) return undefined
    const found = this.components.find(open, tag)
    // Which component each open state is in, and whether a fair behaviour can start there.
    const componentOf = new Int32Array(states).fill(-1)
    const escapes = new Uint8Array(found.length)
    found.forEach((component, id) => {
      for (let i = 0; i < component.length; i++) componentOf[component[i]!] = id
    })
    // Reverse topological order: every component a component reaches is settled before it.
    found.forEach((component, id) => {
      if (this.fairPart(component) !== undefined) {
        escapes[id] = 1
        return
      }
      for (let i = 0; i < component.length && escapes[id] === 0; i++) {
        const state = component[i]!
        for (let at = offsets[state]!; at < offsets[state + 1]!; at++) {
          const target = targets[at]!
          if (then[target] === 0 && componentOf[target] !== id && escapes[componentOf[target]!] === 1) {
            escapes[id] = 1
            break
          }
        }
      }
    })
    // The first such state found is one of the nearest the initial state (breadth-first order).
    let start = -1
    for (const state of open)
      if ((when === undefined ? state === 0 : when[state] === 1) && escapes[componentOf[state]!] === 1) {
        start = state
        break
      }
    if (start === -1) return undefined
    return this.lassoFrom(start)
  }

  /**
   * A fair part of the component that a behaviour can stay in for ever (the component
   * itself, a stopping state, or for strong fairness a component of what is left of it),
   * registered in `fairOf`; undefined where there is none.
   */
  private fairPart(component: Uint32Array): Uint32Array | undefined {
    const { offsets, targets, actions } = this.graph.edges
    const { groups, weak, strong } = this.graph
    if (component.length === 1) {
      const state = component[0]!
      if (offsets[state] === offsets[state + 1]) return this.register(component)
      let loops = false
      for (let at = offsets[state]!; at < offsets[state + 1]!; at++) if (targets[at] === state) loops = true
      if (!loops) return undefined
    }
    const tag = this.components.newTag()
    const mark = this.components.mark
    for (let i = 0; i < component.length; i++) mark[component[i]!] = tag
    const { enabledIn, taken } = this.countGroups(component, tag)
    let unfair = false
    for (let group = 0; group < groups; group++) {
      if (weak[group] === 1 && enabledIn[group] === component.length && taken[group] === 0) return undefined
      if (strong[group] === 1 && enabledIn[group]! > 0 && taken[group] === 0) unfair = true
    }
    if (!unfair) return this.register(component)
    // Strong fairness: states where a group enabled but never taken here is enabled cannot be visited for ever.
    const rest: number[] = []
    const restTag = this.components.newTag()
    for (let i = 0; i < component.length; i++) {
      const state = component[i]!
      let allowed = true
      for (let at = offsets[state]!; at < offsets[state + 1]! && allowed; at++) {
        const group = actions[at]!
        if (strong[group] === 1 && enabledIn[group]! > 0 && taken[group] === 0) allowed = false
      }
      if (allowed) rest.push(state)
    }
    for (const state of rest) mark[state] = restTag
    for (const part of this.components.find(rest, restTag)) {
      const fair = this.fairPart(part)
      if (fair !== undefined) return fair
    }
    return undefined
  }

  private register(part: Uint32Array): Uint32Array {
    const id = this.fairSets.length
    this.fairSets.push(part)
    for (let i = 0; i < part.length; i++) this.fairOf[part[i]!] = id
    return part
  }

  /** Group by group, in how many of the part's states (marked `tag`) it is enabled, and whether it is taken inside. */
  private countGroups(part: ArrayLike<number>, tag: number): GroupCounts {
    const { offsets, targets, actions } = this.graph.edges
    const { groups } = this.graph
    const mark = this.components.mark
    const enabledIn = new Uint32Array(groups)
    const taken = new Uint8Array(groups)
    for (let i = 0; i < part.length; i++) {
      const state = part[i]!
      const seen = ++this.stampCounter
      for (let at = offsets[state]!; at < offsets[state + 1]!; at++) {
        const group = actions[at]!
        if (this.stamp[group] !== seen) {
          this.stamp[group] = seen
          enabledIn[group]!++
        }
        if (mark[targets[at]!] === tag) taken[group] = 1
      }
    }
    return { enabledIn, taken }
  }

  /** The lasso from `start`: a shortest way among `¬then` states to a fair part, and a loop in it that is fair. */
  private lassoFrom(start: number): Lasso {
    const { then } = this.marks
    const toFair = this.shortestSteps(
      start,
      (state) => then[state] === 0,
      (state) => this.fairOf[state]! >= 0,
    )
    const entry = toFair.end
    const actions = [...toFair.actions]
    const loop = actions.length
    const part = this.fairSets[this.fairOf[entry]!]!
    const { offsets } = this.graph.edges
    if (part.length === 1 && offsets[entry] === offsets[entry + 1]) return { start, actions, loop }
    actions.push(...this.fairLoop(part, entry))
    return { start, actions, loop }
  }

  /** A loop from `entry` back to it inside `part`, through what fairness asks of it. */
  private fairLoop(part: Uint32Array, entry: number): number[] {
    const { offsets, actions: stepActions } = this.graph.edges
    const { groups, weak, strong } = this.graph
    const tag = this.components.newTag()
    const mark = this.components.mark
    for (let i = 0; i < part.length; i++) mark[part[i]!] = tag
    const inside = (state: number): boolean => mark[state] === tag
    const { enabledIn } = this.countGroups(part, tag)
    const enabledAt = (state: number, group: number): boolean => {
      for (let at = offsets[state]!; at < offsets[state + 1]!; at++) if (stepActions[at] === group) return true
      return false
    }
    const loop: number[] = []
    const takenOnLoop = new Uint8Array(groups)
    const visited: number[] = [entry]
    let at = entry
    const follow = (path: SteppedPath): void => {
      for (const action of path.actions) {
        loop.push(action)
        takenOnLoop[action] = 1
      }
      visited.push(...path.states)
      at = path.end
    }
    for (let group = 0; group < groups; group++) {
      const mustTake =
        (strong[group] === 1 && enabledIn[group]! > 0) || (weak[group] === 1 && enabledIn[group] === part.length)
      if (mustTake) {
        // The part is fair: a group it must take has a step inside it.
        if (takenOnLoop[group] === 0) follow(this.shortestSteps(at, inside, undefined, group))
      } else if (weak[group] === 1 && takenOnLoop[group] === 0 && !visited.some((state) => !enabledAt(state, group)))
        follow(this.shortestSteps(at, inside, (state) => !enabledAt(state, group)))
    }
    // Back to the entry, by at least one step.
    if (loop.length === 0) follow(this.shortestSteps(at, inside, undefined, -1))
    if (at !== entry) follow(this.shortestSteps(at, inside, (state) => state === entry))
    return loop
  }

  /**
   * Breadth-first from `from` through states `allowed` admits: to the first state `goal`
   * admits (`from` itself included), or, with `group` (-1: any), over the first step of
   * that group that stays allowed.
   */
  private shortestSteps(
    from: number,
    allowed: (state: number) => boolean,
    goal: ((state: number) => boolean) | undefined,
    group?: number,
  ): SteppedPath {
    const { offsets, targets, actions } = this.graph.edges
    if (goal?.(from)) return { actions: [], states: [], end: from }
    const via = new Map<number, number>([[from, -1]])
    const queue = [from]
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!
      for (let at = offsets[state]!; at < offsets[state + 1]!; at++) {
        const target = targets[at]!
        if (!allowed(target)) continue
        if (group !== undefined && (group === -1 || actions[at] === group)) {
          return this.pathOf(via, state, at, target)
        }
        if (via.has(target)) continue
        via.set(target, at)
        if (goal?.(target)) return this.pathOf(via, state, at, target)
        queue.push(target)
      }
    }
    throw new Error('liveness: no path where the components say there is one')
  }

  /** The steps to `source` recorded in `via`, then step `last` to `end`. */
  private pathOf(via: Map<number, number>, source: number, last: number, end: number): SteppedPath {
    const { targets, actions, offsets } = this.graph.edges
    const steps = [last]
    for (let state = source; via.get(state)! !== -1; ) {
      const step = via.get(state)!
      steps.push(step)
      state = sourceOfStep(offsets, step, this.graph.states)
    }
    steps.reverse()
    return { actions: steps.map((step) => actions[step]!), states: steps.map((step) => targets[step]!), end }
  }
}

interface SteppedPath {
  actions: number[]
  /** The state after each step. */
  states: number[]
  end: number
}

/** The source of step `step`: the state whose row holds it (binary search over the offsets). */
function sourceOfStep(offsets: Uint32Array, step: number, states: number): number {
  let low = 0
  let high = states - 1
  while (low < high) {
    const middle = (low + high + 1) >>> 1
    if (offsets[middle]! <= step) low = middle
    else high = middle - 1
  }
  return low
}
