/**
 * A store as a transition system: its states are plain data, its actions every operation
 * with every combination of params (`store-actions.ts`), enabled where the guard holds.
 * On every new state it checks the invariants and `never` predicates, on every step the
 * effects; what the model's code throws becomes `explore/error` at the function that threw.
 */
import type { TraceStep } from '../../diagnostics/types.js'
import type { EffectStep, StoreDefinition } from '../../model/types.js'
import type { InPlaceChange, TransitionSystem } from '../engine/breadth-first.js'
import { describeThrown, showMs } from '../describe.js'
import { FindingRecorder } from '../engine/findings.js'
import { checkPredicate, type PredicateContext } from '../predicates.js'
import { ShapedFingerprint } from '../fingerprint/shaped-fingerprint.js'
import type { Replay } from '../engine/trace.js'
import { describeUnhashable } from '../fingerprint/unhashable.js'
import { CoverageCounter } from '../report/coverage.js'
import { type FairnessNames, LivenessTracker } from '../liveness/track-liveness.js'
import { findMutator, type Named, type StoreFunctions } from './find-mutator.js'
import { PlainLevel } from './plain-level.js'
import { CanonicalForm } from './canonical-form.js'
import { symmetryOf, type Symmetry } from './symmetry.js'
import { showAction, withParams, type StoreAction } from './store-actions.js'
import { exploreError } from '../../rules/explore/error.js'
import { operationNeverEnabled } from '../../rules/operation/never-enabled.js'

type State = unknown

export class StoreSystem implements TransitionSystem<State>, Replay<State> {
  /** Liveness needs every step's target: the index of known states is kept only then. */
  readonly indexKnown: boolean
  readonly actionCount: number
  /** How often each operation was enabled and taken. */
  readonly coverage: CoverageCounter
  /** The store's liveness properties, where it declares any. */
  readonly liveness: LivenessTracker<State> | undefined
  /**
   * Where domains are symmetric: states equal up to a permutation of their values are one.
   * Not with liveness, whose fairness is per combination of params, which permutations mix.
   */
  readonly symmetry: Symmetry | undefined
  readonly recorder = new FindingRecorder()
  /** True once a step could not be taken: then the exploration proves nothing. */
  failed = false
  private readonly allActions: Uint32Array
  private readonly functions: StoreFunctions
  private readonly predicates: PredicateContext
  // The predicates still checked.
  private invariants: StoreFunctions['invariants']
  private nevers: StoreFunctions['nevers']
  private effects: StoreFunctions['effects']
  /** Compiled for the shape of the initial state (`shaped-fingerprint.ts`). */
  private readonly fingerprints: ShapedFingerprint
  /** Where domains are symmetric: fingerprints of orbits, not states (`symmetry.ts`). */
  private readonly canonical: CanonicalForm | undefined
  /** The step being taken, so that a successor that is not plain data is blamed on it. */
  private readonly stepping = { state: 0, action: 0 }

  constructor(
    private readonly id: string,
    private readonly store: StoreDefinition,
    private readonly actions: readonly StoreAction[],
    /** Where the search starts: a copy of the model's initial state, which a faulty function may change. */
    readonly initial: State,
    /** The model's initial state, never handed to a model function. */
    private readonly pristine: State,
  ) {
    this.actionCount = actions.length
    const operations = Object.keys(store.operations)
    const operationNames = {
      names: operations,
      nameOf: Uint32Array.from(actions, ({ operation }) => operations.indexOf(operation)),
    }
    this.coverage = new CoverageCounter(operationNames)
    this.liveness = storeLiveness(id, store, operationNames, this.recorder)
    this.indexKnown = this.liveness !== undefined
    this.symmetry = this.liveness === undefined ? symmetryOf(store.domains) : undefined
    this.fingerprints = new ShapedFingerprint('plain', pristine)
    this.canonical =
      this.symmetry === undefined
        ? undefined
        : new CanonicalForm(this.symmetry.sets, (state, out) => this.fingerprints.fingerprint(state, out))
    this.allActions = Uint32Array.from(actions.keys())
    this.predicates = {
      recorder: this.recorder,
      owner: ['stores', id],
      describeAction: (action) => showAction(actions[action]!),
    }
    this.functions = {
      invariants: named(store.invariants),
      nevers: named(store.never),
      effects: named(store.effects),
    }
    this.invariants = [...this.functions.invariants]
    this.nevers = [...this.functions.nevers]
    this.effects = [...this.functions.effects]
  }

  fingerprint(state: State, out: Int32Array): boolean {
    const hashed =
      this.canonical === undefined ? this.fingerprints.fingerprint(state, out) : this.canonical.fingerprint(state, out)
    if (!hashed) this.notPlain(state)
    return hashed
  }

  /** Store states are plain data: a level keeps them written out, not as objects (`plain-level.ts`). */
  newLevel(): PlainLevel {
    return new PlainLevel()
  }

  actionsIn(): ArrayLike<number> {
    return this.allActions
  }

  step(state: State, index: number, action: number): State | undefined {
    const { definition, params } = this.actions[action]!
    this.stepping.state = index
    this.stepping.action = action
    if (definition.guard !== undefined) {
      try {
        if (!definition.guard(state, params)) return undefined
      } catch (error) {
        this.threw('guard', action, error, index)
        return undefined
      }
    }
    let next: State
    try {
      next = definition.apply(state, params)
    } catch (error) {
      this.threw('apply', action, error, index)
      return undefined
    }
    // The engine reads undefined as "not enabled": an apply that forgot its return would pass unseen.
    if (next === undefined) this.returnedNothing(action, index)
    return next
  }

  visitState(state: State, index: number): void {
    if (index >= 0) this.liveness?.visitState(state, index)
    // Each predicate is dropped at its first finding: one finding per element, and no more calls.
    for (let i = 0; i < this.invariants.length; i++) {
      const { name, check } = this.invariants[i]!
      if (!checkPredicate(this.predicates, 'invariants', name, check, state, { state: index }))
        this.invariants.splice(i--, 1)
    }
    for (let i = 0; i < this.nevers.length; i++) {
      const { name, check } = this.nevers[i]!
      if (!checkPredicate(this.predicates, 'never', name, check, state, { state: index })) this.nevers.splice(i--, 1)
    }
  }

  visitStep(before: State, index: number, action: number, after: State, toIndex: number): void {
    // Simulated steps (index -1, `simulate.ts`) are in no graph.
    if (index >= 0) {
      this.coverage.step(index, action)
      this.liveness?.visitStep(index, action, toIndex)
    }
    if (this.effects.length === 0) return
    const { operation, params } = this.actions[action]!
    const step: EffectStep<State> = { before, after, operation, params }
    for (let i = 0; i < this.effects.length; i++) {
      const { name, check } = this.effects[i]!
      if (!checkPredicate(this.predicates, 'effects', name, check, step, { state: index, action }))
        this.effects.splice(i--, 1)
    }
  }

  changedInPlace(_state: State, index: number, { foundSince, path }: InPlaceChange): void {
    this.failed = true
    // What was met since the state changed is not to be trusted: states found from it, steps taken from it.
    this.recorder.forget(
      ({ at }) => at !== undefined && (at.state >= foundSince || (at.state === index && at.action !== undefined)),
    )
    const blamed = findMutator(this.functions, this.actions, this.replayPristine(path))
    const blamedPath = ['stores', this.id, ...(blamed?.path ?? [])]
    const culprit = blamed === undefined ? 'a function of the store' : blamed.what
    this.recorder.record(
      exploreError,
      blamedPath,
      `${culprit} changed its input state in place; states are values: return a new state (e.g. { ...state, count: state.count + 1 }) and leave the old one as it was. Exploration stopped here`,
      { state: index },
    )
  }

  /** On a copy: a trace keeps every state it passes, which an apply that changes its input would change. */
  replay(state: State, action: number): State {
    const { definition, params } = this.actions[action]!
    return definition.apply(structuredClone(state), params)
  }

  show(state: State): unknown {
    return state
  }

  label(action: number): Pick<TraceStep, 'action' | 'params'> {
    const { operation, params } = this.actions[action]!
    return { action: operation, params }
  }

  /** The state at the end of `path` as it was found, rebuilt with every apply working on its own copy. */
  private replayPristine(path: readonly number[]): State {
    return path.reduce<State>((state, action) => this.replay(state, action), structuredClone(this.pristine))
  }

  /** Once a complete search is over: operations no reachable state enables. */
  reportNeverEnabled(): void {
    Object.keys(this.store.operations).forEach((operation, index) => {
      if (this.coverage.wasTaken(index)) return
      this.recorder.record(
        operationNeverEnabled,
        ['stores', this.id, 'operations', operation],
        `operation ${JSON.stringify(operation)} is never enabled: in no reachable state does its guard hold, for any params`,
        undefined,
      )
    })
  }

  stuck(index: number, action: number, limitMs: number): void {
    this.failed = true
    const within = `did not finish within ${showMs(limitMs)}: the model's code does not return (or is far too slow). Exploration stopped here`
    if (action === -1) {
      this.recorder.record(
        exploreError,
        ['stores', this.id],
        `checking the initial state (its invariants and never predicates) ${within}`,
        { state: index },
      )
      return
    }
    const stepAction = this.actions[action]!
    this.recorder.record(
      exploreError,
      ['stores', this.id, 'operations', stepAction.operation],
      `operation ${JSON.stringify(stepAction.operation)}${withParams(stepAction)} (its guard or apply, or a check of the state it reached) ${within}`,
      { state: index },
    )
  }

  private threw(part: 'guard' | 'apply', action: number, error: unknown, state: number): void {
    this.stepFailed(part, action, state, 'threw', `: ${describeThrown(error)}`)
  }

  private returnedNothing(action: number, state: number): void {
    this.stepFailed(
      'apply',
      action,
      state,
      'returned undefined',
      ': it must return the next state (a block body needs a return)',
    )
  }

  private notPlain(state: State): void {
    const { state: index, action } = this.stepping
    this.stepFailed(
      'apply',
      action,
      index,
      'returned a state that is not plain data',
      `: found ${describeUnhashable(state, 'plain', 'state')}`,
    )
  }

  /** An operation's guard or apply failed at a step: the exploration proves nothing more, and says where and how. */
  private stepFailed(part: 'guard' | 'apply', action: number, state: number, what: string, detail: string): void {
    this.failed = true
    const stepAction = this.actions[action]!
    this.recorder.record(
      exploreError,
      ['stores', this.id, 'operations', stepAction.operation, part],
      `${part} of operation ${JSON.stringify(stepAction.operation)} ${what}${withParams(stepAction)}${detail}`,
      { state },
    )
  }
}

/** Fairness names operations; each of an operation's actions (its params) is fair on its own. */
function storeLiveness(
  id: string,
  store: StoreDefinition,
  operationNames: FairnessNames,
  recorder: FindingRecorder,
): LivenessTracker<State> | undefined {
  if (store.liveness === undefined || Object.keys(store.liveness).length === 0) return undefined
  return new LivenessTracker(['stores', id], store.liveness, store.fairness, operationNames, recorder)
}

function named<F>(record: Readonly<Record<string, F>> | undefined): Named<F>[] {
  return Object.entries(record ?? {}).map(([name, check]) => ({ name, check }))
}
