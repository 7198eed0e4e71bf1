/**
 * An adapter binds one store or one machine of a model to the real system it describes
 * (DESIGN.md, "Conformance"): how to get a fresh real system, how to perform each of the
 * model's operations (or send each event) on it, and how to read the model's state back.
 * `plumbline conform` runs the same sequences on both sides and compares.
 *
 * Typed from the model: the operations' names and params come from the store's type (as
 * `defineStore` and `defineSystem` keep them), a machine's event types and payloads from the
 * machine, so a misspelt operation or event is a compile error. The same is checked at run
 * time (`validate-adapter.ts`), for adapters written in plain JavaScript.
 */
import type { AnyEventObject, AnyStateMachine, EventFromLogic, StateValue } from 'xstate'
import type { STORE_OPERATIONS, SYSTEM_PARTS, System } from '../model/define.js'
import type { MachineEntry, MachineModel, StoreDefinition } from '../model/types.js'

/** What every adapter has: a fresh real system per sequence, and an optional way to dispose of it. */
interface AdapterBase<Real> {
  /** A fresh real system; called once per sequence (and per replay while shrinking). */
  setup: () => Real | Promise<Real>
  /** Called after each sequence, also after one that diverged. */
  teardown?: (real: Real) => unknown
}

export interface StoreAdapter<Real, Operations extends Record<string, object> = Record<string, Record<string, unknown>>>
  extends AdapterBase<Real> {
  /** The store's id in the model's `stores`. */
  store: string
  /** One function per operation of the store: performs it on the real system; a throw (or rejection) is a refusal. */
  operations: { [Name in keyof Operations]: (real: Real, params: Operations[Name]) => unknown }
  /** The store's state, read from the real system (compared with the model's, key order ignored). */
  observe: (real: Real) => unknown
}

/** What a machine adapter reads from the real system: the state value and, where given, the context. */
export interface ObservedSnapshot {
  value: StateValue
  context?: unknown
}

/** The environment's events (delays, actors' completions and failures): the adapter makes them happen. */
type EnvironmentEvents<Real> = { [type: `xstate.${string}`]: (real: Real, event: AnyEventObject) => unknown }

type EventHandlers<Real, Machine extends AnyStateMachine> = {
  [Type in EventFromLogic<Machine>['type']]: (
    real: Real,
    event: Extract<EventFromLogic<Machine>, { type: Type }>,
  ) => unknown
}

export interface MachineAdapter<Real, Machine extends AnyStateMachine = AnyStateMachine> extends AdapterBase<Real> {
  /** The machine's id in the model's `machines`. */
  machine: string
  /**
   * One function per event type the machine accepts: sends it to the real system. Delayed
   * and actor events (`xstate.after.…`, `xstate.done.actor.…`, `xstate.error.actor.…`) are
   * bound too: the adapter decides how a timeout or a failure happens in the real system.
   */
  events: EventHandlers<Real, Machine> & EnvironmentEvents<Real>
  /** The snapshot's state value (and context, where given), read from the real system. */
  observe: (real: Real) => ObservedSnapshot | Promise<ObservedSnapshot>
}

export type AnyAdapter = StoreAdapter<any, Record<string, any>> | MachineAdapter<any, AnyStateMachine>

/** Marks adapters made by `defineAdapter`, across copies of this package. */
const ADAPTER_BRAND: unique symbol = Symbol.for('plumbline.adapter') as never

/** A bound adapter: the model and the binding, as `plumbline conform` loads it. */
export interface Adapter {
  readonly [ADAPTER_BRAND]: true
  readonly model: System
  readonly binding: AnyAdapter
}

type PartsOf<Model> = Model extends { readonly [SYSTEM_PARTS]?: infer Parts } ? NonNullable<Parts> : never
type StoresOf<Model> = PartsOf<Model> extends { stores: infer Stores } ? Stores : never
type MachinesOf<Model> = PartsOf<Model> extends { machines: infer Machines } ? Machines : never

/** A store's operations and their params, where `defineStore` kept them; any name otherwise. */
type OperationsOf<Store> = Store extends { readonly [STORE_OPERATIONS]?: infer Operations }
  ? NonNullable<Operations> extends Record<string, object>
    ? NonNullable<Operations>
    : Record<string, Record<string, unknown>>
  : Record<string, Record<string, unknown>>

type MachineOf<Entry> =
  Entry extends MachineModel<infer Machine> ? Machine : Entry extends AnyStateMachine ? Entry : AnyStateMachine

/** One binding per store and per machine of the model, told apart by `store` or `machine`. */
export type BindingOf<Model, Real> =
  | {
      [Id in keyof StoresOf<Model> & string]: StoreAdapter<Real, OperationsOf<StoresOf<Model>[Id]>> & {
        store: Id
        machine?: never
      }
    }[keyof StoresOf<Model> & string]
  | {
      [Id in keyof MachinesOf<Model> & string]: MachineAdapter<Real, MachineOf<MachinesOf<Model>[Id]>> & {
        machine: Id
        store?: never
      }
    }[keyof MachinesOf<Model> & string]

/**
 * Binds a store (`store: 'users'`) or a machine (`machine: 'order'`) of `model` to a real
 * implementation; the default export of an adapter file, run by `plumbline conform`.
 */
export function defineAdapter<
  Model extends System<Record<string, StoreDefinition>, Record<string, MachineEntry>>,
  Real,
>(model: Model, binding: BindingOf<Model, Real>): Adapter {
  return { [ADAPTER_BRAND]: true, model, binding: binding as AnyAdapter }
}

export function isAdapter(value: unknown): value is Adapter {
  return typeof value === 'object' && value !== null && ADAPTER_BRAND in value
}
