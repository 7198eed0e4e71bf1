/**
 * The functions a model file calls. Each returns its input unchanged, typed: checking is
 * done at load, where a problem can be reported with its element path instead of thrown
 * from the user's module.
 */
import type { AnyStateMachine } from 'xstate'
import type {
  Domains,
  EffectStep,
  EntityDefinition,
  EntitySchema,
  FairnessDefinition,
  FieldOf,
  LivenessProperty,
  MachineEntry,
  MachineModel,
  OperationTarget,
  ParamsFrom,
  StoreDefinition,
  SystemDefinition,
} from './types.js'

/** Marks objects made by `defineSystem`, across copies of this package (hence `Symbol.for`). */
const SYSTEM_BRAND: unique symbol = Symbol.for('plumbline.system') as never

/**
 * Carries, in types only, what `defineSystem` was given: its stores and machines, so that an
 * adapter (`defineAdapter`) can name their operations and events. Never present at run time.
 */
export declare const SYSTEM_PARTS: unique symbol

export type System<
  Stores extends Record<string, StoreDefinition> = Record<string, StoreDefinition>,
  Machines extends Record<string, MachineEntry> = Record<string, MachineEntry>,
> = SystemDefinition & {
  readonly [SYSTEM_BRAND]: true
  readonly [SYSTEM_PARTS]?: { stores: Stores; machines: Machines }
}

/**
 * Each machine entry typed from its own machine: the machine itself, or a model whose event
 * samples, input and predicates are typed from it, written inline as through `defineMachine`.
 */
type MachineEntries<Machines extends Record<string, AnyStateMachine>> = {
  [Id in keyof Machines]: Machines[Id] | MachineModel<Machines[Id]>
}

export function defineSystem<
  const Zone extends string = never,
  const Component extends string = never,
  const Contract extends string = never,
  const Entity extends string = never,
  Stores extends Record<string, StoreDefinition> = Record<never, never>,
  // The machines themselves, inferred entry by entry (`MachineEntries`), so that each entry's samples fit its machine.
  Machines extends Record<string, AnyStateMachine> = Record<never, never>,
>(
  system: Omit<SystemDefinition<Zone, Component, Contract, keyof Machines & string, Entity>, 'machines' | 'stores'> & {
    stores?: Stores
    machines?: MachineEntries<Machines>
  },
): System<Stores, Machines> {
  Object.defineProperty(system, SYSTEM_BRAND, { value: true, enumerable: false })
  return system as unknown as System<Stores, Machines>
}

export function isBrandedSystem(value: unknown): value is System {
  return typeof value === 'object' && value !== null && SYSTEM_BRAND in value
}

interface TypedOperation<State, D, Params, ParamDomains> {
  /** Names the domain each param ranges over; every combination is tried. */
  params?: ParamDomains & Record<string, keyof D & string>
  target?: OperationTarget
  guard?: (state: State, params: Params) => boolean
  apply: (state: State, params: Params) => NoInfer<State>
  description?: string
}

/**
 * An operation model, explored exhaustively. The state's type comes from `initial` alone;
 * params are typed from the domains they name: `params: { email: 'emails' }` gives
 * `apply(state, { email })` the type of `domains.emails`' items.
 */
export function defineStore<
  State,
  const D extends Domains = Record<never, never>,
  const Ops extends Record<string, unknown> = Record<string, never>,
>(store: {
  initial: State
  domains?: D
  operations: { [Name in keyof Ops]: TypedOperation<State, D, ParamsFrom<D, Ops[Name]>, Ops[Name]> }
  invariants?: Record<string, (state: NoInfer<State>) => boolean>
  never?: Record<string, (state: NoInfer<State>) => boolean>
  effects?: Record<string, (step: EffectStep<NoInfer<State>>) => boolean>
  liveness?: Record<string, LivenessProperty<NoInfer<State>>>
  fairness?: FairnessDefinition<NoInfer<keyof Ops & string>>
  description?: string
}): TypedStore<State, { [Name in keyof Ops & string]: ParamsFrom<D, Ops[Name]> }> {
  return store as unknown as TypedStore<State, { [Name in keyof Ops & string]: ParamsFrom<D, Ops[Name]> }>
}

/** Carries, in types only, a store's operations and the params each takes. Never present at run time. */
export declare const STORE_OPERATIONS: unique symbol

/** A store as `defineStore` returns it: its operations' names and params stay known to TypeScript. */
export type TypedStore<State, Operations extends Record<string, object>> = StoreDefinition<State> & {
  readonly [STORE_OPERATIONS]?: Operations
}

/** A machine with its event samples and predicates, typed from the machine. */
export function defineMachine<Machine extends AnyStateMachine>(model: MachineModel<Machine>): MachineModel<Machine> {
  return model
}

/** An entity whose identity and unique keys are checked against its schema's fields. */
export function defineEntity<Schema extends EntitySchema>(
  schema: Schema,
  decisions: Omit<EntityDefinition<FieldOf<Schema>>, 'schema'> = {},
): EntityDefinition {
  return { schema, ...decisions } as EntityDefinition
}
