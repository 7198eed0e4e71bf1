/**
 * The model's side of a conformance run: one store or one machine of a model as the
 * exploration engine sees it (its transition system, `StoreSystem` or `MachineSystem`), with
 * what the runner needs to drive it step by step beside the real system: whether an action
 * is enabled and where it leads, how each action is named and sent to the real system, and
 * the state `observe` must give back.
 */
import type { AnyEventObject } from 'xstate'
import type { TraceStep } from '../diagnostics/types.js'
import type { TransitionSystem } from '../explore/engine/breadth-first.js'
import { elementPath, type PathSegment } from '../model/element-path.js'
import type { Model } from '../model/model.js'
import type { Replay } from '../explore/engine/trace.js'
import { machineStatePath } from './machine-state-element.js'

export interface ModelSide<State = unknown> {
  kind: 'store' | 'machine'
  /** The store or machine id. */
  id: string
  /** `stores.users`, `machines.order`. */
  element: string
  /** The same, as segments: `['stores', 'users']`. */
  path: readonly PathSegment[]
  initial: State
  actionCount: number
  /** The transition system the graph is explored over. */
  system: TransitionSystem<State>
  /** The state after `action`, or undefined where the model does not enable it. */
  step(state: State, action: number): State | undefined
  /** Every enabled action in `state`, in order, with the state it leads to. */
  enabled(state: State): { action: number; next: State }[]
  /** How a trace shows the action: the operation (with params) or the event type (with payload). */
  label(action: number): Pick<TraceStep, 'action' | 'params'>
  /** The state as `observe` must read it: the store's state, or `{ value, context }`. */
  show(state: State): unknown
  /** What the adapter's function for the action receives: the params, or the whole event. */
  argument(action: number): Record<string, unknown> | AnyEventObject
  /**
   * Where a finding about the action taken in `state` is: the operation of a store
   * (`stores.users.operations.signUp`), the state of a machine it was sent in (`machines.order.states.paying`).
   */
  stepPath(action: number, state: State): PathSegment[]
  /** The names the adapter must bind: every operation, or every event type the machine can be sent. */
  names: readonly string[]
  /** Whether a machine leaves an event it does not take unseen (XState ignores it), rather than refusing it. */
  ignoresDisabled: boolean
}

export class ModelSideError extends Error {}

export async function modelSide(model: Model, kind: 'store' | 'machine', id: string): Promise<ModelSide> {
  return kind === 'store' ? storeSide(model, id) : await machineSide(model, id)
}

async function storeSide(model: Model, id: string): Promise<ModelSide> {
  const store = model.stores[id]
  if (store === undefined) throw new ModelSideError(`the model has no store ${JSON.stringify(id)}`)
  const { storeSystem } = await import('../explore/store/explore-store.js')
  const prepared = storeSystem(id, store)
  if (prepared === undefined)
    throw new ModelSideError(`store ${JSON.stringify(id)} cannot be explored: check the model`)
  const { system, pristine } = prepared
  const labels = Array.from({ length: system.actionCount }, (_, action) => system.label(action))
  const step = (state: unknown, action: number): unknown =>
    // A copy: the real run keeps every state it passed, which an apply that changes its input would change.
    system.step(structuredClone(state), 0, action)
  return {
    kind: 'store',
    id,
    element: elementPath(['stores', id]),
    path: ['stores', id],
    initial: pristine,
    actionCount: system.actionCount,
    system,
    step,
    enabled: (state) => enabledActions(state, system.actionCount, step),
    label: (action) => labels[action]!,
    show: (state) => state,
    argument: (action) => labels[action]!.params,
    stepPath: (action) => ['stores', id, 'operations', labels[action]!.action],
    names: Object.keys(store.operations),
    ignoresDisabled: false,
  }
}

async function machineSide(model: Model, id: string): Promise<ModelSide> {
  const entry = model.machines[id]
  if (entry === undefined) throw new ModelSideError(`the model has no machine ${JSON.stringify(id)}`)
  const { machineSystem } = await import('../explore/machine/explore-machine.js')
  const prepared = machineSystem(id, entry)
  if ('error' in prepared)
    throw new ModelSideError(`the initial snapshot of machine ${JSON.stringify(id)} threw: ${prepared.error}`)
  const system = prepared.system as TransitionSystem<unknown> & Replay<unknown> & { eventTypes: readonly string[] }
  const labels = Array.from({ length: system.actionCount }, (_, action) => system.label(action))
  const step = (state: unknown, action: number): unknown => system.step(state, 0, action)
  return {
    kind: 'machine',
    id,
    element: elementPath(['machines', id]),
    path: ['machines', id],
    initial: system.initial,
    actionCount: system.actionCount,
    system,
    step,
    enabled: (state) => {
      const candidates = system.actionsIn(state)
      const enabled: { action: number; next: unknown }[] = []
      for (let i = 0; i < candidates.length; i++) {
        const action = candidates[i]!
        const next = step(state, action)
        if (next !== undefined) enabled.push({ action, next })
      }
      return enabled
    },
    label: (action) => labels[action]!,
    show: (state) => system.show(state),
    argument: (action) => ({ ...labels[action]!.params, type: labels[action]!.action }),
    stepPath: (_action, state) => machineStatePath(id, (system.show(state) as { value: unknown }).value),
    names: system.eventTypes,
    ignoresDisabled: true,
  }
}

/** The model's state after `actions` from the initial state; undefined when the model does not enable one of them. */
export function replayActions(side: ModelSide, actions: readonly number[]): unknown {
  let state: unknown = side.initial
  for (const action of actions) {
    state = side.step(state, action)
    if (state === undefined) return undefined
  }
  return state
}

function enabledActions(
  state: unknown,
  count: number,
  step: (state: unknown, action: number) => unknown,
): { action: number; next: unknown }[] {
  const enabled: { action: number; next: unknown }[] = []
  for (let action = 0; action < count; action++) {
    const next = step(state, action)
    if (next !== undefined) enabled.push({ action, next })
  }
  return enabled
}
