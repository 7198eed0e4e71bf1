/**
 * A store's trace, line by line: `{"op": "signUp", "params": {"email": "a@x"}, "state": {…}}`.
 * Each step must be enabled where the model stands (its guard holds), the observed state,
 * where the line gives one, must equal the model's (by the engine's fingerprint: key order
 * does not matter), and the invariants, `never` predicates and effects must hold, as in an
 * exploration. A param's value need not be in its domain (domains bound the exploration, a
 * recorded run has the real system's values), but the first line whose value is not is
 * noted (conform/trace-outside-domain): no exploration took that step.
 */
import { isDeepStrictEqual } from 'node:util'
import type { PathSegment } from '../../model/element-path.js'
import { isPlainObject } from '../../model/recognise.js'
import { unknownName } from '../../model/suggest.js'
import type { Domains, EffectStep, OperationDefinition, StoreDefinition } from '../../model/types.js'
import { describeThrown } from '../../explore/describe.js'
import { FindingRecorder } from '../../explore/engine/findings.js'
import type { PredicateContext } from '../../explore/predicates.js'
import { ShapedFingerprint } from '../../explore/fingerprint/shaped-fingerprint.js'
import { describeUnhashable } from '../../explore/fingerprint/unhashable.js'
import { firstBroken, predicatesOf, type Predicate } from './first-broken.js'
import { failLine } from './line-failure.js'
import { describeDifferences, stateDiff as diffStates } from '../../model/state-diff.js'
import { readLine, showStep } from './trace-lines.js'
import { TraceLineError } from './trace-line-error.js'
import type { TraceChecker, TraceFailure } from './types.js'
import { conformTraceDisabled } from '../../rules/conform/trace-disabled.js'
import { conformTraceMismatch } from '../../rules/conform/trace-mismatch.js'
import { conformTraceOutsideDomain } from '../../rules/conform/trace-outside-domain.js'
import { exploreError } from '../../rules/explore/error.js'

type State = unknown
type Params = Record<string, unknown>

interface Operation {
  name: string
  definition: OperationDefinition<State, Params>
  /** The param names it takes, as declared. */
  params: readonly string[]
}

/** A domain is shown whole up to this many values. */
const SHOWN_VALUES = 10

const FIELDS = ['op', 'params', 'state'] as const
const NO_PARAMS: Params = Object.freeze({})

export class StoreTraceChecker implements TraceChecker {
  private state: State
  private readonly operations = new Map<string, Operation>()
  private readonly recorder = new FindingRecorder()
  private readonly predicates: PredicateContext
  private readonly checks: Predicate<State>[]
  private readonly effects: Predicate<EffectStep<State>>[]
  private readonly modelPrint = new Int32Array(2)
  private readonly observedPrint = new Int32Array(2)
  private readonly fingerprints: ShapedFingerprint
  private readonly observedFingerprints: ShapedFingerprint
  private readonly path: readonly PathSegment[]
  private readonly domains: Domains
  /** The first line whose params are outside their domains. */
  outsideDomainNote: TraceFailure | undefined
  /** The step being checked, for an effect's message. */
  private current: { action: string; params: Params } = { action: '', params: NO_PARAMS }

  constructor(
    private readonly id: string,
    store: StoreDefinition,
  ) {
    this.path = ['stores', id]
    this.domains = store.domains ?? {}
    // A copy: a function that changes its input must not change the model.
    this.state = structuredClone(store.initial)
    for (const [name, definition] of Object.entries(store.operations))
      this.operations.set(name, { name, definition, params: Object.keys(definition.params ?? {}) })
    this.predicates = {
      recorder: this.recorder,
      owner: ['stores', id],
      describeAction: () => showStep(this.current),
    }
    this.checks = [...predicatesOf<State>('invariants', store.invariants), ...predicatesOf<State>('never', store.never)]
    this.effects = predicatesOf('effects', store.effects)
    this.fingerprints = new ShapedFingerprint('plain', store.initial)
    this.observedFingerprints = new ShapedFingerprint('plain', store.initial)
  }

  check(text: string, line: number): TraceFailure | undefined {
    const entry = readLine(text, line, FIELDS, 'a store line is {"op": …, "params": {…}, "state"?: {…}}')
    const operation = this.operationOf(entry, line)
    const params = this.paramsOf(entry, operation, line)
    const before = this.state
    const step = { action: operation.name, params }
    this.current = step
    const fail = failLine(line, before, step)
    const { guard, apply } = operation.definition
    const at = ['stores', this.id, 'operations', operation.name] as const
    const outside = this.outsideDomain(operation, params)
    if (outside !== undefined && this.outsideDomainNote === undefined)
      this.outsideDomainNote = fail(
        conformTraceOutsideDomain,
        [...at, 'params', outside.param],
        `${showStep(step)}: ${JSON.stringify(outside.param)} is ${JSON.stringify(params[outside.param])}, not a value of its domain ${JSON.stringify(outside.domain)} (${showValues(outside.values)}): no exploration checked this step`,
      )
    if (guard !== undefined) {
      let enabled: boolean
      try {
        enabled = guard(before, params)
      } catch (error) {
        return fail(exploreError, [...at, 'guard'], `guard of ${showStep(step)} threw: ${describeThrown(error)}`)
      }
      if (!enabled)
        return fail(
          conformTraceDisabled,
          [...at, 'guard'],
          `${showStep(step)} is not enabled: its guard is false in the model's state before the line`,
        )
    }
    let after: State
    try {
      after = apply(before, params)
    } catch (error) {
      return fail(exploreError, [...at, 'apply'], `apply of ${showStep(step)} threw: ${describeThrown(error)}`)
    }
    if (after === undefined)
      return fail(
        exploreError,
        [...at, 'apply'],
        `apply of ${showStep(step)} returned undefined: it must return the next state (a block body needs a return)`,
      )
    if (entry.state !== undefined) {
      if (!this.fingerprints.fingerprint(after, this.modelPrint))
        return fail(
          exploreError,
          [...at, 'apply'],
          `apply of ${showStep(step)} returned a state that is not plain data: found ${describeUnhashable(after, 'plain', 'state')}`,
        )
      this.observedFingerprints.fingerprint(entry.state, this.observedPrint)
      if (this.modelPrint[0] !== this.observedPrint[0] || this.modelPrint[1] !== this.observedPrint[1]) {
        const differences = diffStates(after, entry.state)
        return fail(
          conformTraceMismatch,
          this.path,
          `the observed state differs from the model's after ${showStep(step)}: ${describeDifferences(differences, 'state')}`,
          { after, differences },
        )
      }
    }
    const broken =
      firstBroken(this.predicates, this.checks, after) ??
      firstBroken(this.predicates, this.effects, { before, after, operation: operation.name, params })
    if (broken !== undefined) return fail(broken.rule, broken.path, broken.message, { after })
    this.state = after
    return undefined
  }

  private operationOf(entry: Record<string, unknown>, line: number): Operation {
    const { op } = entry
    if (op === undefined)
      throw new TraceLineError(line, 'no "op": a store line names its operation, e.g. {"op": "signUp", "params": {…}}')
    if (typeof op !== 'string')
      throw new TraceLineError(line, `"op" must be an operation's name, got ${JSON.stringify(op)}`)
    const operation = this.operations.get(op)
    if (operation === undefined)
      throw new TraceLineError(
        line,
        unknownName('operation', op, [...this.operations.keys()], `store ${JSON.stringify(this.id)}`),
      )
    return operation
  }

  /** The first param whose value is not one of its domain's: the model has no step with it. */
  private outsideDomain(
    operation: Operation,
    params: Params,
  ): { param: string; domain: string; values: readonly unknown[] } | undefined {
    for (const [param, domain] of Object.entries(operation.definition.params ?? {})) {
      const values = this.domains[domain]
      // An unknown domain is the model's error, reported by check.
      if (values === undefined) continue
      if (!values.some((value) => isDeepStrictEqual(value, params[param]))) return { param, domain, values }
    }
    return undefined
  }

  /** The params as the line gives them: exactly the operation's params, by name. */
  private paramsOf(entry: Record<string, unknown>, operation: Operation, line: number): Params {
    const { params } = entry
    const of = `params of ${JSON.stringify(operation.name)}`
    if (params === undefined) {
      if (operation.params.length === 0) return NO_PARAMS
      throw new TraceLineError(line, `no "params": ${JSON.stringify(operation.name)} takes ${list(operation.params)}`)
    }
    if (!isPlainObject(params)) throw new TraceLineError(line, `${of} must be an object, got ${JSON.stringify(params)}`)
    for (const name of operation.params)
      if (!Object.hasOwn(params, name)) throw new TraceLineError(line, `${of}: missing ${JSON.stringify(name)}`)
    for (const name in params) {
      if (operation.params.includes(name)) continue
      if (operation.params.length === 0)
        throw new TraceLineError(line, `${JSON.stringify(operation.name)} takes no params, got ${JSON.stringify(name)}`)
      throw new TraceLineError(line, `${of}: ${unknownName('param', name, operation.params)}`)
    }
    return params
  }
}

/** `1, 2`, or the first SHOWN_VALUES and how many in all. */
function showValues(values: readonly unknown[]): string {
  const shown = values.slice(0, SHOWN_VALUES).map((value) => JSON.stringify(value) ?? String(value))
  return values.length <= SHOWN_VALUES ? shown.join(', ') : `${shown.join(', ')}, … ${values.length} values in all`
}

function list(names: readonly string[]): string {
  return names.map((name) => JSON.stringify(name)).join(', ')
}
