/**
 * An XState machine as a transition system. Steps are XState's own: the machine's pure
 * `transition(snapshot, event, actorScope)` with one inert actor scope for the whole run
 * (`actor-scope.ts`), so the semantics are exactly the application's. States are
 * snapshots, keyed as xstate/graph keys them, by state value and context (and the history
 * value, where the machine has history states: without it, two snapshots that behave
 * differently would be taken for one).
 *
 * Besides invariants and `never` predicates on every new snapshot, it keeps what the
 * machine-wide findings need once the search is over: the state nodes reached, the event
 * types that changed something, deadlocked snapshots, and (for machines that can finish)
 * every step, to find the snapshots from which no final state can be reached.
 */
import { sampleKeyOf } from '../../model/invoke-sample-keys.js'
import type { AnyEventObject, AnyMachineSnapshot, AnyStateMachine, AnyStateNode } from 'xstate'
import type { TraceStep } from '../../diagnostics/types.js'
import type { PathSegment } from '../../model/element-path.js'
import type { LivenessProperty, MachineModel } from '../../model/types.js'
import type { InPlaceChange, TransitionSystem } from '../engine/breadth-first.js'
import { describeThrown, showMs } from '../describe.js'
import { FindingRecorder } from '../engine/findings.js'
import { CoverageCounter } from '../report/coverage.js'
import { LivenessTracker } from '../liveness/track-liveness.js'
import { GrowableUint32Array } from '../engine/growable.js'
import { checkPredicate, type PredicateContext } from '../predicates.js'
import { ShapedFingerprint } from '../fingerprint/shaped-fingerprint.js'
import type { Replay } from '../engine/trace.js'
import { describeUnhashable } from '../fingerprint/unhashable.js'
import type { MachineEvents } from './machine-events.js'
import { leavesOf, nodePath, nodeName, stuckLeaves } from './state-nodes.js'
import type { InertActorScope } from './actor-scope.js'
import { nameSpawnedActors, restoreSpawnedActors } from './canonical-actors.js'
import { isProbed, nondeterministicMessage, sameOutcome, type StepOutcome } from './determinism.js'
import { exploreError } from '../../rules/explore/error.js'
import { stateDeadlock } from '../../rules/state/deadlock.js'

type Snapshot = AnyMachineSnapshot
type Predicate = (snapshot: Snapshot) => unknown

/** Snapshots carry the state nodes they are in; XState's own graph utilities read them too. */
interface WithNodes {
  _nodes: readonly AnyStateNode[]
}

const NO_EVENTS = new Uint32Array(0)

export class MachineSystem implements TransitionSystem<Snapshot>, Replay<Snapshot> {
  readonly indexKnown = true
  readonly actionCount: number
  readonly recorder = new FindingRecorder()
  failed = false
  halted = false
  /** State nodes some visited snapshot is in. */
  readonly reached = new Set<AnyStateNode>()
  /** For each event type, whether XState took one of its transitions in some visited snapshot. */
  readonly taken: boolean[]
  readonly eventTypes: readonly string[]
  /** How often each event type was enabled and taken. */
  readonly coverage: CoverageCounter
  /** The machine's liveness properties, where it declares any (fairness over event types). */
  readonly liveness: LivenessTracker<Snapshot> | undefined
  /** Every step between distinct snapshots, when kept (`keepSteps`). */
  readonly steps = { from: new GrowableUint32Array(), to: new GrowableUint32Array() }
  /** Visited snapshots with status done, and deadlocked ones. */
  readonly finished: number[] = []
  readonly deadlocked = new Set<number>()
  /** For each visited snapshot (when steps are kept), the leaves of its configuration, by id in `configurations`. */
  readonly configurationOf = new GrowableUint32Array()
  readonly configurations: AnyStateNode[][] = []
  private readonly configurationIds = new Map<string, number>()
  private readonly configurationOfNodes = new WeakMap<readonly AnyStateNode[], number>()
  private readonly candidates = new WeakMap<readonly AnyStateNode[], Uint32Array>()
  private readonly seenNodes = new WeakSet<readonly AnyStateNode[]>()
  private invariants: { name: string; check: Predicate; kind: 'invariants' | 'never' }[]
  private readonly predicates: PredicateContext
  private readonly key: unknown[] = []
  /** Compiled for the shape of the first key (`shaped-fingerprint.ts`): its value and context. */
  private readonly fingerprints = new ShapedFingerprint('json')
  private readonly path: readonly PathSegment[]
  private readonly stepping = { state: 0, action: -1 }

  constructor(
    private readonly id: string,
    model: MachineModel,
    private readonly machine: AnyStateMachine,
    private readonly scope: InertActorScope,
    private readonly events: MachineEvents,
    readonly initial: Snapshot,
    private readonly options: {
      keepSteps: boolean
      keyHistory: boolean
      /** How messages name an event: XState's own ones in the machine's words. */
      eventName: (type: string) => string
    },
  ) {
    this.path = ['machines', id]
    this.predicates = { recorder: this.recorder, owner: ['machines', id] }
    this.actionCount = events.events.length
    this.taken = events.types.map(() => false)
    this.eventTypes = events.types
    const typeNames = { names: events.types, nameOf: Uint32Array.from(events.events, ({ typeIndex }) => typeIndex) }
    this.coverage = new CoverageCounter(typeNames)
    this.liveness =
      model.liveness === undefined || Object.keys(model.liveness).length === 0
        ? undefined
        : new LivenessTracker<Snapshot>(
            ['machines', id],
            model.liveness as Record<string, LivenessProperty<Snapshot>>,
            model.fairness,
            typeNames,
            this.recorder,
          )
    this.invariants = [
      ...Object.entries(model.invariants ?? {}).map(([name, check]) => ({
        name,
        check: check as Predicate,
        kind: 'invariants' as const,
      })),
      ...Object.entries(model.never ?? {}).map(([name, check]) => ({
        name,
        check: check as Predicate,
        kind: 'never' as const,
      })),
    ]
  }

  fingerprint(snapshot: Snapshot, out: Int32Array): boolean {
    if (this.hash(snapshot, out)) return true
    this.failed = true
    const { state, action } = this.stepping
    const event = action < 0 ? 'the initial snapshot' : this.options.eventName(this.events.events[action]!.type)
    this.recorder.record(
      exploreError,
      this.path,
      `${event} led to a context that is not data: found ${describeUnhashable(snapshot.context, 'json', 'context')}; keep the context to data (objects, arrays, strings, numbers, booleans, null)`,
      action < 0 ? undefined : { state },
    )
    return false
  }

  /** The snapshot's fingerprint, its spawned actors named canonically (`canonical-actors.ts`); false where it has none. */
  private hash(snapshot: Snapshot, out: Int32Array): boolean {
    const key = this.key
    key[0] = snapshot.value
    key[1] = snapshot.context
    if (this.options.keyHistory) key[2] = historyKey(snapshot.historyValue)
    const spawned = nameSpawnedActors(snapshot)
    if (spawned === 0) return this.fingerprints.fingerprint(key, out)
    try {
      return this.fingerprints.fingerprint(key, out)
    } finally {
      restoreSpawnedActors(spawned)
    }
  }

  actionsIn(snapshot: Snapshot): ArrayLike<number> {
    if (snapshot.status !== 'active') return NO_EVENTS
    const nodes = nodesOf(snapshot)
    let candidates = this.candidates.get(nodes)
    if (candidates === undefined) {
      candidates = this.events.candidatesFor(nodes)
      this.candidates.set(nodes, candidates)
    }
    return candidates
  }

  step(snapshot: Snapshot, index: number, action: number): Snapshot | undefined {
    this.stepping.state = index
    this.stepping.action = action
    // A probed step is taken once before, and the two outcomes compared (`determinism.ts`).
    // Not a simulated step (index -1, `simulate.ts`): those are no state's.
    const first = index >= 0 && isProbed(index) ? this.probe(snapshot, action) : undefined
    let next: Snapshot
    const actionsBefore = this.scope.actionsExecuted
    this.scope.microstepCount = 0
    try {
      next = this.machine.transition(snapshot, this.events.events[action]!.event, this.scope) as Snapshot
      if (next.status === 'error') throw next.error
    } catch (error) {
      if (first !== undefined && first.kind !== 'threw')
        return this.nondeterministic(index, action, first, { kind: 'threw', error })
      this.threw(action, error, index)
      return undefined
    }
    // One microstep is the step itself, whose snapshot is visited; more passed through states on the way.
    if (this.scope.microstepCount > 1) this.passedThrough()
    // XState hands back the very snapshot when nothing changed: no transition was taken, or
    // one was that only ran actions (a re-entry restarting timers), which still counts.
    const result = next === snapshot && this.scope.actionsExecuted === actionsBefore ? undefined : next
    if (first !== undefined) {
      const second = this.outcomeOf(result)
      if (second !== undefined && !sameOutcome(first, second))
        return this.nondeterministic(index, action, first, second)
    }
    return result
  }

  /** One run of the step, set aside for comparison; undefined where it cannot be compared (a snapshot that is not data). */
  private probe(snapshot: Snapshot, action: number): StepOutcome | undefined {
    const actionsBefore = this.scope.actionsExecuted
    const before = new Int32Array(2)
    if (!this.hash(snapshot, before)) return undefined
    let next: Snapshot
    try {
      next = this.machine.transition(snapshot, this.events.events[action]!.event, this.scope) as Snapshot
      if (next.status === 'error') return { kind: 'threw', error: next.error }
    } catch (error) {
      return { kind: 'threw', error }
    }
    // A step that changed its source in place would run differently a second time for that
    // reason alone: not compared, so the engine reports the change in place for what it is.
    const after = new Int32Array(2)
    if (!this.hash(snapshot, after) || after[0] !== before[0] || after[1] !== before[1]) return undefined
    return this.outcomeOf(next === snapshot && this.scope.actionsExecuted === actionsBefore ? undefined : next)
  }

  private outcomeOf(next: Snapshot | undefined): StepOutcome | undefined {
    if (next === undefined) return { kind: 'nothing' }
    const print = new Int32Array(2)
    if (!this.hash(next, print)) return undefined
    return { kind: 'snapshot', high: print[0]!, low: print[1]!, shown: this.show(next) }
  }

  /** Reports the step, and stops the search: a machine whose steps are not functions has no states to enumerate. */
  private nondeterministic(state: number, action: number, first: StepOutcome, second: StepOutcome): undefined {
    this.failed = true
    this.halted = true
    const { type, payload } = this.events.events[action]!
    const sample = Object.keys(payload).length === 0 ? '' : ` ${JSON.stringify(payload)}`
    this.recorder.record(
      exploreError,
      this.path,
      nondeterministicMessage(`event ${JSON.stringify(type)}${sample}`, first, second),
      { state },
    )
    return undefined
  }

  visitState(snapshot: Snapshot, index: number): void {
    // A simulated snapshot (index -1, `simulate.ts`) is in no graph: only its predicates are checked.
    if (index >= 0) {
      this.liveness?.visitState(snapshot, index)
      const nodes = nodesOf(snapshot)
      this.markReached(nodes)
      if (snapshot.status === 'done') this.finished.push(index)
      if (this.options.keepSteps) this.configurationOf.push(this.configurationId(nodes))
    }
    // Each predicate is dropped at its first finding: one finding per element, and no more calls.
    for (let i = 0; i < this.invariants.length; i++) {
      const { kind, name, check } = this.invariants[i]!
      if (!checkPredicate(this.predicates, kind, name, check, snapshot, { state: index }))
        this.invariants.splice(i--, 1)
    }
  }

  visitStep(_from: Snapshot, fromIndex: number, action: number, _to: Snapshot, toIndex: number): void {
    if (fromIndex < 0) return
    // Taken even where it leads back to the same snapshot: a re-entering transition (a retry)
    // restarts the state's invoked actors and timers, which is what it is for.
    this.taken[this.events.events[action]!.typeIndex] = true
    this.coverage.step(fromIndex, action)
    this.liveness?.visitStep(fromIndex, action, toIndex)
    if (toIndex === fromIndex) return
    if (this.options.keepSteps) {
      this.steps.from.push(fromIndex)
      this.steps.to.push(toIndex)
    }
  }

  visitExpanded(snapshot: Snapshot, index: number, enabled: number): void {
    if (enabled > 0 || snapshot.status !== 'active') return
    // No event changed the snapshot; one that XState would still take (with actions only) is no deadlock.
    const candidates = this.actionsIn(snapshot)
    for (let i = 0; i < candidates.length; i++) if (mayTake(snapshot, this.events.events[candidates[i]!]!.event)) return
    this.deadlocked.add(index)
    for (const leaf of stuckLeaves(leavesOf(nodesOf(snapshot))))
      this.recorder.record(
        stateDeadlock,
        nodePath(this.id, leaf),
        leaf.path.length === 0
          ? 'the machine is a deadlock: it is not done, and no event it accepts is enabled'
          : `state ${nodeName(leaf)} is a deadlock: the machine is not done, and no event it accepts is enabled`,
        { state: index },
      )
  }

  changedInPlace(_snapshot: Snapshot, index: number, { foundSince }: InPlaceChange): void {
    this.failed = true
    this.recorder.forget(
      ({ at }) => at !== undefined && (at.state >= foundSince || (at.state === index && at.action !== undefined)),
    )
    this.recorder.record(
      exploreError,
      this.path,
      'the context of a snapshot changed in place while events were sent to it: an action or assign mutates the context instead of returning new values. Exploration stopped here',
      { state: index },
    )
  }

  /**
   * The state nodes the microsteps of the last transition (or of the initial snapshot) were
   * in or left, taken for reached: a state a step passes through is entered, though no
   * snapshot stays in it.
   */
  passedThrough(): void {
    const { microsteps, microstepCount } = this.scope
    for (let i = 0; i < microstepCount; i++) {
      const { snapshot, _transitions } = microsteps[i]!
      this.markReached(nodesOf(snapshot))
      for (const { source } of _transitions)
        for (let node: AnyStateNode | undefined = source; node !== undefined; node = node.parent) this.reached.add(node)
    }
    this.scope.microstepCount = 0
  }

  replay(snapshot: Snapshot, action: number): Snapshot {
    return this.machine.transition(snapshot, this.events.events[action]!.event, this.scope) as Snapshot
  }

  show(snapshot: Snapshot): unknown {
    const shown = { value: snapshot.value, context: snapshot.context }
    const spawned = nameSpawnedActors(snapshot)
    if (spawned === 0) return shown
    // Written out now, while the spawned actors have the names they were counted by.
    try {
      return JSON.parse(JSON.stringify(shown)) as unknown
    } catch {
      return shown
    } finally {
      restoreSpawnedActors(spawned)
    }
  }

  label(action: number): Pick<TraceStep, 'action' | 'params'> {
    const { type, payload } = this.events.events[action]!
    return { action: type, params: payload }
  }

  /** The configuration's state nodes are reached; each configuration (by identity) is walked once. */
  private markReached(nodes: readonly AnyStateNode[]): void {
    if (this.seenNodes.has(nodes)) return
    this.seenNodes.add(nodes)
    for (const node of nodes) this.reached.add(node)
  }

  private configurationId(nodes: readonly AnyStateNode[]): number {
    let id = this.configurationOfNodes.get(nodes)
    if (id !== undefined) return id
    const key = nodes.map((node) => node.id).join('\u0000')
    id = this.configurationIds.get(key)
    if (id === undefined) {
      id = this.configurations.length
      this.configurations.push(leavesOf(nodes))
      this.configurationIds.set(key, id)
    }
    this.configurationOfNodes.set(nodes, id)
    return id
  }

  stuck(index: number, action: number, limitMs: number): void {
    this.failed = true
    const what =
      action === -1
        ? 'checking the snapshot (its invariants and never predicates)'
        : `event ${JSON.stringify(this.events.events[action]!.type)}${sampleOf(this.events.events[action]!.payload)} (a guard or action of the machine, or a check of the snapshot it reached)`
    this.recorder.record(
      exploreError,
      this.path,
      `${what} did not finish within ${showMs(limitMs)}: the model's code does not return (or is far too slow). Exploration stopped here`,
      { state: index },
    )
  }

  private threw(action: number, error: unknown, state: number): void {
    this.failed = true
    const { type, payload } = this.events.events[action]!
    const sample = sampleOf(payload)
    // An environment event sent bare has no output or error: a handler that reads one needs a sample.
    const hint =
      sample === '' && /^xstate\.(?:done|error)\.actor\./.test(type)
        ? ` (it was sent without ${type.startsWith('xstate.done') ? 'output' : 'error'}: declare samples, e.g. events: { ${JSON.stringify(sampleKeyOf(this.machine, type) ?? type)}: [{ ${type.startsWith('xstate.done') ? 'output' : 'error'}: … }] })`
        : ''
    this.recorder.record(
      exploreError,
      this.path,
      `${this.options.eventName(type)}${sample} threw: ${describeThrown(error)}${hint}`,
      { state },
    )
  }
}

function sampleOf(payload: Record<string, unknown>): string {
  return Object.keys(payload).length === 0 ? '' : ` ${JSON.stringify(payload)}`
}

/**
 * Whether XState would take a transition for the event. One whose guard throws counts as
 * taken: its step failed and is reported as explore/error, which claims no deadlock.
 */
function mayTake(snapshot: Snapshot, event: AnyEventObject): boolean {
  try {
    return snapshot.can(event)
  } catch {
    return true
  }
}

function nodesOf(snapshot: Snapshot): readonly AnyStateNode[] {
  return (snapshot as unknown as WithNodes)._nodes
}

/** The history value with state node ids for nodes: which states each history state remembers. */
function historyKey(history: Snapshot['historyValue']): Record<string, string[]> {
  const key: Record<string, string[]> = {}
  for (const [id, nodes] of Object.entries(history ?? {})) key[id] = (nodes as AnyStateNode[]).map((node) => node.id)
  return key
}
