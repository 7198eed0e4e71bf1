/**
 * A machine's trace, line by line: `{"event": {"type": "SUBMIT", …}, "value": "checking", "context": {…}}`.
 * Each event goes through XState's own `machine.transition` with an inert actor scope, as
 * in an exploration (`explore/machine/`): it must be enabled (XState takes a transition for
 * it: the snapshot changes, or actions run), the observed value and context, where the line
 * gives them, must equal the model's (key order does not matter), and the invariants and
 * `never` predicates must hold. Delayed and actor events (`xstate.after.…`, `xstate.done.actor.…`)
 * are events like any other: the trace says when a timer fired or an actor finished.
 */
import type { AnyEventObject, AnyMachineSnapshot, AnyStateMachine } from 'xstate'
import type { PathSegment } from '../../model/element-path.js'
import { isPlainObject } from '../../model/recognise.js'
import { machineAcceptsEvent } from '../../model/event-descriptors.js'
import { unknownName } from '../../model/suggest.js'
import type { MachineModel } from '../../model/types.js'
import { describeThrown } from '../../explore/describe.js'
import { FindingRecorder } from '../../explore/engine/findings.js'
import { inertActorScope, type InertActorScope } from '../../explore/machine/actor-scope.js'
import type { PredicateContext } from '../../explore/predicates.js'
import { ShapedFingerprint } from '../../explore/fingerprint/shaped-fingerprint.js'
import { firstBroken, predicatesOf, type Predicate } from './first-broken.js'
import { failLine } from './line-failure.js'
import { machineStatePath } from '../machine-state-element.js'
import { describeDifferences, stateDiff as diffStates } from '../../model/state-diff.js'
import { TraceLineError, TraceTargetError } from './trace-line-error.js'
import { readLine, showStep } from './trace-lines.js'
import type { TraceChecker, TraceFailure } from './types.js'
import { conformTraceDisabled } from '../../rules/conform/trace-disabled.js'
import { conformTraceMismatch } from '../../rules/conform/trace-mismatch.js'
import { exploreError } from '../../rules/explore/error.js'

type Snapshot = AnyMachineSnapshot

const FIELDS = ['event', 'value', 'context'] as const
const SHAPE = 'a machine line is {"event": {"type": …}, "value"?: …, "context"?: {…}}'

export class MachineTraceChecker implements TraceChecker {
  private snapshot: Snapshot
  private readonly machine: AnyStateMachine
  private readonly scope: InertActorScope = inertActorScope()
  private readonly recorder = new FindingRecorder()
  private readonly predicates: PredicateContext
  private readonly checks: Predicate<Snapshot>[]
  private readonly eventTypes: string[]
  private readonly path: readonly PathSegment[]
  // The model's and the observed value and context, fingerprinted as an exploration keys snapshots (JSON's rules).
  private readonly fingerprints = { model: new ShapedFingerprint('json'), observed: new ShapedFingerprint('json') }
  private readonly prints = { model: new Int32Array(2), observed: new Int32Array(2) }

  constructor(
    private readonly id: string,
    model: MachineModel,
  ) {
    this.path = ['machines', id]
    this.machine = model.machine
    try {
      this.snapshot = this.machine.getInitialSnapshot(this.scope, model.input) as Snapshot
      // XState catches what the initial context or entry actions throw, and hands back an errored snapshot.
      if (this.snapshot.status === 'error') throw this.snapshot.error
    } catch (error) {
      throw new TraceTargetError(`machine ${JSON.stringify(id)}: the initial snapshot threw: ${describeThrown(error)}`)
    }
    this.predicates = { recorder: this.recorder, owner: ['machines', id] }
    this.checks = [
      ...predicatesOf<Snapshot>('invariants', model.invariants),
      ...predicatesOf<Snapshot>('never', model.never),
    ]
    this.eventTypes = (this.machine.root.events as string[]).filter((type) => !type.includes('*'))
  }

  check(text: string, line: number): TraceFailure | undefined {
    const entry = readLine(text, line, FIELDS, SHAPE)
    const event = this.eventOf(entry, line)
    const { type, ...payload } = event
    const step = { action: type, params: payload }
    const current = this.snapshot
    const before = show(current)
    const fail = failLine(line, before, step)
    const disabled = (why: string) =>
      fail(
        conformTraceDisabled,
        machineStatePath(this.id, current.value),
        `event ${JSON.stringify(type)} is not enabled: ${why}`,
      )
    if (current.status !== 'active')
      return disabled(`the machine is ${current.status} (in state ${showValue(current)})`)
    let next: Snapshot
    const actionsBefore = this.scope.actionsExecuted
    try {
      next = this.machine.transition(current, event, this.scope) as Snapshot
      if (next.status === 'error') throw next.error
    } catch (error) {
      return fail(exploreError, this.path, `event ${showStep(step)} threw: ${describeThrown(error)}`)
    }
    // XState hands back the very snapshot when it took no transition (one that only ran actions still counts).
    if (next === current && this.scope.actionsExecuted === actionsBefore)
      return disabled(`in state ${showValue(current)} XState takes no transition for it`)
    const after = show(next)
    const mismatch = this.mismatch(entry, next)
    if (mismatch !== undefined)
      return fail(
        conformTraceMismatch,
        this.path,
        `the observed state differs from the model's after event ${showStep(step)}: ${describeDifferences(mismatch, '')}`,
        { after, differences: mismatch },
      )
    const broken = firstBroken(this.predicates, this.checks, next)
    if (broken !== undefined) return fail(broken.rule, broken.path, broken.message, { after })
    this.snapshot = next
    return undefined
  }

  private eventOf(entry: Record<string, unknown>, line: number): AnyEventObject {
    const { event } = entry
    if (event === undefined) throw new TraceLineError(line, `no "event"; ${SHAPE}`)
    if (!isPlainObject(event) || typeof event.type !== 'string')
      throw new TraceLineError(line, `"event" must be an object with a string "type", got ${JSON.stringify(event)}`)
    if (!machineAcceptsEvent(this.machine, event.type))
      throw new TraceLineError(
        line,
        unknownName('event type', event.type, this.eventTypes, `machine ${JSON.stringify(this.id)}`).replace(
          / has no event type/,
          ' accepts no event type',
        ),
      )
    return event as AnyEventObject
  }

  /** Where the observed value and context (those the line gives) differ from the model's; undefined where they do not. */
  private mismatch(entry: Record<string, unknown>, next: Snapshot) {
    const model: Record<string, unknown> = {}
    const observed: Record<string, unknown> = {}
    if (entry.value !== undefined) {
      model.value = next.value
      observed.value = entry.value
    }
    if (entry.context !== undefined) {
      model.context = next.context
      observed.context = entry.context
    }
    if (Object.keys(model).length === 0 || this.same(model, observed)) return undefined
    return diffStates(JSON.parse(JSON.stringify(model)), observed)
  }

  private same(model: unknown, observed: unknown): boolean {
    const { prints, fingerprints } = this
    // A context that is not data (a function, a Map) cannot equal one read from JSON.
    if (!fingerprints.model.fingerprint(model, prints.model)) return false
    fingerprints.observed.fingerprint(observed, prints.observed)
    return prints.model[0] === prints.observed[0] && prints.model[1] === prints.observed[1]
  }
}

function show(snapshot: Snapshot): { value: unknown; context: unknown } {
  return { value: snapshot.value, context: snapshot.context }
}

function showValue(snapshot: Snapshot): string {
  return JSON.stringify(snapshot.value)
}
