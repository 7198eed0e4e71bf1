/**
 * The liveness properties of one store or machine during its exploration: `when` and
 * `then` evaluated on every new state (a bit each), every step kept (`edges.ts`), and once
 * the search is complete, each property checked on the graph (`check-liveness.ts`). An
 * incomplete search checks none: a bound is not a proof, and a lasso needs the whole graph.
 */
import type { PathSegment } from '../../model/element-path.js'
import type { FairnessDefinition, LivenessProperty } from '../../model/types.js'
import { describeThrown } from '../describe.js'
import type { FindingRecorder } from '../engine/findings.js'
import { checkLiveness, type LivenessGraph } from './check-liveness.js'
import { StepEdges } from './edges.js'
import { exploreError } from '../../rules/explore/error.js'
import { livenessViolated } from '../../rules/liveness/violated.js'

interface TrackedProperty<State> {
  name: string
  property: LivenessProperty<State>
  when: Uint8Array | undefined
  then: Uint8Array
  /** False once one of its functions threw (reported as explore/error): it is then not checked. */
  sound: boolean
}

/**
 * What fairness names: a store's operations, a machine's event types. Each action (an
 * operation with one combination of params, an event with one payload sample) is fair on
 * its own: `resetPassword` for u1 is not made fair by `resetPassword` for u2.
 */
export interface FairnessNames {
  names: readonly string[]
  /** The name of each action, by its index in `names`. */
  nameOf: Uint32Array
}

export class LivenessTracker<State> {
  readonly edges: StepEdges
  private readonly properties: TrackedProperty<State>[]
  private readonly weak: Uint8Array
  private readonly strong: Uint8Array

  constructor(
    private readonly owner: readonly PathSegment[],
    properties: Readonly<Record<string, LivenessProperty<State>>>,
    fairness: FairnessDefinition<string> | undefined,
    private readonly fairnessNames: FairnessNames,
    private readonly recorder: FindingRecorder,
  ) {
    this.edges = new StepEdges(fairnessNames.nameOf.length)
    this.properties = Object.entries(properties).map(([name, property]) => ({
      name,
      property,
      when: property.when === undefined ? undefined : new Uint8Array(1024),
      then: new Uint8Array(1024),
      sound: true,
    }))
    const { names, nameOf } = fairnessNames
    this.weak = actionFlags(names, nameOf, fairness?.weak === 'all' ? names : (fairness?.weak ?? []))
    this.strong = actionFlags(names, nameOf, fairness?.strong ?? [])
  }

  visitState(state: State, index: number): void {
    for (const tracked of this.properties) {
      if (!tracked.sound) continue
      if (index >= tracked.then.length) grow(tracked)
      const { when, then } = tracked.property
      if (when !== undefined && tracked.when !== undefined)
        tracked.when[index] = this.evaluate(tracked, 'when', when, state, index)
      tracked.then[index] = this.evaluate(tracked, 'then', then, state, index)
    }
  }

  visitStep(from: number, action: number, to: number): void {
    this.edges.add(from, to, action)
  }

  /** Checks every property on the explored graph of `states` states, recording a lasso for each that fails. */
  check(states: number): void {
    this.edges.finish(states)
    const graph: LivenessGraph = {
      states,
      edges: this.edges,
      groups: this.fairnessNames.nameOf.length,
      weak: this.weak,
      strong: this.strong,
    }
    for (const tracked of this.properties) {
      if (!tracked.sound) continue
      const lasso = checkLiveness(graph, { when: tracked.when, then: tracked.then })
      if (lasso === undefined) continue
      this.recorder.record(
        livenessViolated,
        [...this.owner, 'liveness', tracked.name],
        `liveness ${JSON.stringify(tracked.name)} does not hold: ${tracked.when === undefined ? 'from the initial state' : 'from a reachable state where when holds'}, a fair behaviour never reaches a state where then holds (${lasso.actions.length === lasso.loop ? 'it stops where nothing is enabled' : 'it loops for ever'}; ${this.fairnessWords()})`,
        { state: lasso.start, lasso: { actions: lasso.actions, loop: lasso.loop } },
      )
    }
  }

  private fairnessWords(): string {
    const { names, nameOf } = this.fairnessNames
    const named = (flags: Uint8Array): string[] =>
      names.filter((_, name) => nameOf.some((of, action) => of === name && flags[action] === 1))
    const weak = named(this.weak)
    const strong = named(this.strong)
    if (weak.length === 0 && strong.length === 0) return 'no fairness declared'
    const parts: string[] = []
    if (weak.length > 0) parts.push(`weak fairness of ${weak.join(', ')}`)
    if (strong.length > 0) parts.push(`strong fairness of ${strong.join(', ')}`)
    return `under ${parts.join(' and ')}`
  }

  private evaluate(
    tracked: TrackedProperty<State>,
    part: 'when' | 'then',
    predicate: (state: State) => boolean,
    state: State,
    index: number,
  ): number {
    try {
      return predicate(state) ? 1 : 0
    } catch (error) {
      tracked.sound = false
      this.recorder.record(
        exploreError,
        [...this.owner, 'liveness', tracked.name, part],
        `${part} of liveness ${JSON.stringify(tracked.name)} threw: ${describeThrown(error)}`,
        { state: index },
      )
      return 0
    }
  }
}

/** 1 for each action whose name is chosen. */
function actionFlags(names: readonly string[], nameOf: Uint32Array, chosen: readonly string[]): Uint8Array {
  return Uint8Array.from(nameOf, (name) => (chosen.includes(names[name]!) ? 1 : 0))
}

function grow<State>(tracked: TrackedProperty<State>): void {
  const length = Math.ceil(tracked.then.length * 1.5)
  const then = new Uint8Array(length)
  then.set(tracked.then)
  tracked.then = then
  if (tracked.when !== undefined) {
    const when = new Uint8Array(length)
    when.set(tracked.when)
    tracked.when = when
  }
}
