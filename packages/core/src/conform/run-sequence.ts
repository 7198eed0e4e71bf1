/**
 * One sequence run on both sides: a fresh real system from `setup`, then each action on the
 * model (is it enabled, where does it lead) and on the real system (the adapter's function;
 * a throw or a rejection is a refusal), with `observe(real)` compared with the model's state
 * before the first step and after every step, by the engine's fingerprints (key order
 * ignored). The run stops at the first divergence, which it returns as a finding whose trace
 * holds each step's model state, observed state and, where they differ, the diff. Every call
 * into the adapter is bounded by `limitMs`: one that does not settle in time stops the
 * sequence with conform/error naming the call.
 */
import type { Finding, TraceStep } from '../diagnostics/types.js'
import { describeThrown } from '../explore/describe.js'
import { fingerprintInto } from '../explore/fingerprint/fingerprint.js'
import { describeUnhashable } from '../explore/fingerprint/unhashable.js'
import { type Settled, settleWithin } from './settle-within.js'
import type { AnyAdapter } from './define-adapter.js'
import type { ModelSide } from './model-side.js'
import { describeDifferences, stateDiff } from '../model/state-diff.js'
import type { PathSegment } from '../model/element-path.js'
import type { RuleId } from '../rules/catalogue.js'
import type { DefinedRule } from '../rules/define-rule.js'
import { conformAccepted } from '../rules/conform/accepted.js'
import { conformError } from '../rules/conform/error.js'
import { conformRejected } from '../rules/conform/rejected.js'
import { conformStateMismatch } from '../rules/conform/state-mismatch.js'

export interface SequenceRun {
  /** The first divergence, where there was one. */
  divergence: Finding | undefined
  /** Steps the real system took (refused ones included). */
  steps: number
  /** The steps that conformed, as [model state before, action] pairs: what the run covered. */
  conformed: { before: unknown; action: number }[]
  /** Whether a call was given up on: it may still hold the process open. */
  unsettled: boolean
}

/**
 * Every action but the last must be one the model enables; a last one it disables is a probe
 * (`--rejections`): the real system must refuse it.
 */
export async function runSequence(
  side: ModelSide,
  binding: AnyAdapter,
  actions: readonly number[],
  limitMs: number,
): Promise<SequenceRun> {
  const trace: TraceStep[] = []
  const conformed: SequenceRun['conformed'] = []
  const initial = side.show(side.initial)
  const finding = (rule: DefinedRule<RuleId>, path: readonly PathSegment[], message: string): Finding =>
    rule.finding(path, message, { initial, trace })
  let unsettled = false
  const call = async <T>(run: () => T | PromiseLike<T>) => {
    const settled = await settleWithin(run, limitMs)
    if ('unsettled' in settled) unsettled = true
    return settled
  }
  const setup = await call(() => binding.setup())
  if (!('value' in setup))
    return {
      divergence: finding(
        conformError,
        side.path,
        'thrown' in setup ? `setup threw: ${describeThrown(setup.thrown)}` : `setup ${setup.unsettled}`,
      ),
      steps: 0,
      conformed,
      unsettled,
    }
  const real = setup.value
  const observe = (expected: unknown) => observeState(side, binding, real, expected, call)
  let divergence: Finding | undefined
  let steps = 0
  try {
    divergence = await (async (): Promise<Finding | undefined> => {
      const first = await observe(initial)
      if ('error' in first) return finding(conformError, side.path, `before any step, ${first.error}`)
      if (first.diff.length > 0)
        return finding(
          conformStateMismatch,
          side.path,
          `before any step, the real system's state differs from the model's initial state: ${describeDifferences(first.diff)}`,
        )
      let state = side.initial
      for (let position = 0; position < actions.length; position++) {
        const action = actions[position]!
        const label = side.label(action)
        const next = side.step(state, action)
        const where = stepWords(side, actions, position)
        steps++
        const done = await call(() => handlerOf(side, binding, action)(real, side.argument(action)))
        if ('unsettled' in done) {
          trace.push({ ...label, state: side.show(next ?? state) })
          return finding(
            conformError,
            side.stepPath(action, state),
            `the adapter's ${side.kind === 'store' ? 'operation' : 'event'} ${actionWords(side, action)} ${done.unsettled}, ${position === 0 ? 'at the first step' : `after step ${position} (${namesUpTo(side, actions, position)})`}: the sequence stopped there`,
          )
        }
        const refusal = 'thrown' in done ? describeThrown(done.thrown) : undefined
        if (next === undefined) {
          // A probe: the model disables this action here; the real system must refuse it.
          if (refusal !== undefined) return undefined
          const after = await observe(side.show(state))
          if ('error' in after) return finding(conformError, side.path, `after ${where}, ${after.error}`)
          if (side.ignoresDisabled && after.diff.length === 0) return undefined
          trace.push({
            ...label,
            state: side.show(state),
            modelDisallows: side.ignoresDisabled ? 'ignores' : 'refuses',
            observed: after.observed,
            ...diffOf(after.diff),
          })
          return finding(
            conformAccepted,
            side.stepPath(action, state),
            `the real system accepted ${where}, which the model does not allow in that state${side.ignoresDisabled ? `, and its state changed: ${describeDifferences(after.diff)}` : ' (it must refuse it: throw)'}`,
          )
        }
        const shown = side.show(next)
        const after = await observe(shown)
        if ('error' in after) {
          trace.push({ ...label, state: shown })
          return finding(conformError, side.path, `after ${where}, ${after.error}`)
        }
        trace.push({
          ...label,
          state: shown,
          observed: after.observed,
          ...diffOf(after.diff),
          ...(refusal === undefined ? {} : { refused: refusal }),
        })
        if (refusal !== undefined)
          return finding(
            conformRejected,
            side.stepPath(action, state),
            `the real system refused ${where}, which the model allows: it threw ${refusal}`,
          )
        if (after.diff.length > 0)
          return finding(
            conformStateMismatch,
            side.stepPath(action, state),
            `${where}, the real system's state differs from the model's: ${describeDifferences(after.diff)}`,
          )
        conformed.push({ before: state, action })
        state = next
      }
      return undefined
    })()
  } finally {
    const teardown = binding.teardown
    if (teardown !== undefined) {
      const done = await call(() => teardown(real))
      if (!('value' in done))
        divergence ??= finding(
          conformError,
          side.path,
          'thrown' in done ? `teardown threw: ${describeThrown(done.thrown)}` : `teardown ${done.unsettled}`,
        )
    }
  }
  return { divergence, steps, conformed, unsettled }
}

type Observation = { observed: unknown; diff: ReturnType<typeof stateDiff> } | { error: string }

const expectedPrint = new Int32Array(2)
const observedPrint = new Int32Array(2)

async function observeState(
  side: ModelSide,
  binding: AnyAdapter,
  real: unknown,
  expected: unknown,
  call: (run: () => unknown) => Promise<Settled<unknown>>,
): Promise<Observation> {
  const settled = await call(() => binding.observe(real))
  if ('thrown' in settled) return { error: `observe threw: ${describeThrown(settled.thrown)}` }
  if ('unsettled' in settled) return { error: `observe ${settled.unsettled}` }
  const observed = settled.value
  if (!fingerprintInto(observed, 'json', observedPrint))
    return {
      error: `observe returned a value that is not data: found ${describeUnhashable(observed, 'json', 'observed')}`,
    }
  if (side.kind === 'machine') {
    if (typeof observed !== 'object' || observed === null || !('value' in observed))
      return { error: `observe must return { value, context? } for a machine; it returned ${JSON.stringify(observed)}` }
    // The context is compared only where the adapter reads it.
    if (!('context' in observed)) expected = { value: (expected as { value: unknown }).value }
  }
  fingerprintInto(expected, 'json', expectedPrint)
  const same = expectedPrint[0] === observedPrint[0] && expectedPrint[1] === observedPrint[1]
  // A copy: observe may hand back the real system's own objects, which later steps change.
  const kept = structuredClone(observed)
  return { observed: kept, diff: same ? [] : stateDiff(expected, kept) }
}

function handlerOf(
  side: ModelSide,
  binding: AnyAdapter,
  action: number,
): (real: unknown, argument: unknown) => unknown {
  const table = (
    side.kind === 'store' ? (binding as { operations: unknown }).operations : (binding as { events: unknown }).events
  ) as Record<string, (real: unknown, argument: unknown) => unknown>
  const handler = table[side.label(action).action]
  if (handler === undefined) throw new Error(`no function bound for ${side.label(action).action}`)
  return handler
}

function diffOf(diff: ReturnType<typeof stateDiff>): Pick<TraceStep, 'diff'> {
  return diff.length === 0 ? {} : { diff }
}

/** `resetPassword {"email":"ann@x"} (step 3: signUp · signUp · resetPassword)`. */
function stepWords(side: ModelSide, actions: readonly number[], position: number): string {
  return `${actionWords(side, actions[position]!)} (step ${position + 1}: ${namesUpTo(side, actions, position + 1)})`
}

/** `resetPassword {"email":"ann@x"}`. */
function actionWords(side: ModelSide, action: number): string {
  const label = side.label(action)
  return Object.keys(label.params).length === 0 ? label.action : `${label.action} ${JSON.stringify(label.params)}`
}

/** `signUp · signUp`: the names of the first `count` actions. */
function namesUpTo(side: ModelSide, actions: readonly number[], count: number): string {
  return actions
    .slice(0, count)
    .map((action) => side.label(action).action)
    .join(' · ')
}
