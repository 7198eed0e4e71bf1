/**
 * One sequence run on both sides: a fresh real system from `setup`, then each action on the
 * model (is it enabled, where does it lead) and on the real system (the adapter's function;
 * a throw or a rejection is a refusal), with `observe(real)` compared with the model's state
 * before the first step and after every step, by the engine's fingerprints (key order
 * ignored). The run stops at the first divergence, which it returns as a finding whose trace
 * holds each step's model state, observed state and, where they differ, the diff.
 */
import type { Finding, TraceStep } from '../diagnostics/types.js'
import { describeThrown } from '../explore/describe.js'
import { fingerprintInto } from '../explore/fingerprint.js'
import { describeUnhashable } from '../explore/unhashable.js'
import type { AnyAdapter } from './define-adapter.js'
import type { ModelSide } from './model-side.js'
import { describeDifferences, stateDiff } from '../model/state-diff.js'

export interface SequenceRun {
  /** The first divergence, where there was one. */
  divergence: Finding | undefined
  /** Steps the real system took (refused ones included). */
  steps: number
  /** The steps that conformed, as [model state before, action] pairs: what the run covered. */
  conformed: { before: unknown; action: number }[]
}

/**
 * Every action but the last must be one the model enables; a last one it disables is a probe
 * (`--rejections`): the real system must refuse it.
 */
export async function runSequence(
  side: ModelSide,
  binding: AnyAdapter,
  actions: readonly number[],
): Promise<SequenceRun> {
  const trace: TraceStep[] = []
  const conformed: SequenceRun['conformed'] = []
  const initial = side.show(side.initial)
  const finding = (rule: string, element: string, message: string): Finding => ({
    rule,
    element,
    message,
    initial,
    trace,
  })
  let real: unknown
  try {
    real = await binding.setup()
  } catch (error) {
    return {
      divergence: finding('conform/error', side.element, `setup threw: ${describeThrown(error)}`),
      steps: 0,
      conformed,
    }
  }
  let divergence: Finding | undefined
  let steps = 0
  try {
    divergence = await (async (): Promise<Finding | undefined> => {
      const first = await observeState(side, binding, real, initial)
      if ('error' in first) return finding('conform/error', side.element, `before any step, ${first.error}`)
      if (first.diff.length > 0)
        return finding(
          'conform/state-mismatch',
          side.element,
          `before any step, the real system's state differs from the model's initial state: ${describeDifferences(first.diff)}`,
        )
      let state = side.initial
      for (let position = 0; position < actions.length; position++) {
        const action = actions[position]!
        const label = side.label(action)
        const next = side.step(state, action)
        const where = stepWords(side, actions, position)
        let refusal: string | undefined
        steps++
        try {
          await handlerOf(side, binding, action)(real, side.argument(action))
        } catch (error) {
          refusal = describeThrown(error)
        }
        if (next === undefined) {
          // A probe: the model disables this action here; the real system must refuse it.
          if (refusal !== undefined) return undefined
          const after = await observeState(side, binding, real, side.show(state))
          if ('error' in after) return finding('conform/error', side.element, `after ${where}, ${after.error}`)
          if (side.ignoresDisabled && after.diff.length === 0) return undefined
          trace.push({ ...label, state: side.show(state), observed: after.observed, ...diffOf(after.diff) })
          return finding(
            'conform/accepted',
            side.actionElement(action),
            `the real system accepted ${where}, which the model does not allow in that state${side.ignoresDisabled ? `, and its state changed: ${describeDifferences(after.diff)}` : ' (it must refuse it: throw)'}`,
          )
        }
        const shown = side.show(next)
        const after = await observeState(side, binding, real, shown)
        if ('error' in after) {
          trace.push({ ...label, state: shown })
          return finding('conform/error', side.element, `after ${where}, ${after.error}`)
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
            'conform/rejected',
            side.actionElement(action),
            `the real system refused ${where}, which the model allows: it threw ${refusal}`,
          )
        if (after.diff.length > 0)
          return finding(
            'conform/state-mismatch',
            side.actionElement(action),
            `${where}, the real system's state differs from the model's: ${describeDifferences(after.diff)}`,
          )
        conformed.push({ before: state, action })
        state = next
      }
      return undefined
    })()
  } finally {
    if (binding.teardown !== undefined)
      try {
        await binding.teardown(real)
      } catch (error) {
        divergence ??= finding('conform/error', side.element, `teardown threw: ${describeThrown(error)}`)
      }
  }
  return { divergence, steps, conformed }
}

type Observation = { observed: unknown; diff: ReturnType<typeof stateDiff> } | { error: string }

const expectedPrint = new Int32Array(2)
const observedPrint = new Int32Array(2)

async function observeState(
  side: ModelSide,
  binding: AnyAdapter,
  real: unknown,
  expected: unknown,
): Promise<Observation> {
  let observed: unknown
  try {
    observed = await binding.observe(real)
  } catch (error) {
    return { error: `observe threw: ${describeThrown(error)}` }
  }
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
  const label = side.label(actions[position]!)
  const shown =
    Object.keys(label.params).length === 0 ? label.action : `${label.action} ${JSON.stringify(label.params)}`
  const names = actions.slice(0, position + 1).map((action) => side.label(action).action)
  return `${shown} (step ${position + 1}: ${names.join(' · ')})`
}
