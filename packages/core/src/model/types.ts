/**
 * The model language: the shapes users write. Every section and option is explained, with
 * examples, in the model reference shipped with this package: @plumbline/core/docs/reference.md
 * (packages/core/docs/reference.md in Plumbline's repository).
 *
 * Names are typed where TypeScript can check them: a flow step naming a component or a
 * contract that does not exist is a compile error. The same rules are checked again at
 * load time (see `validate-system.ts`) for models written in plain JavaScript.
 */
import type { AnyStateMachine, EventFromLogic, InputFrom, SnapshotFrom } from 'xstate'
import type { z } from 'zod'

/**
 * What an element is. `person` (`actor` is its older spelling, kept working), `system`,
 * `container` and `component` are the C4 model's zoom levels; `service`, `datastore`,
 * `queue` and `external` say how it behaves (the failure rules read them).
 */
export type ComponentKind =
  | 'person'
  | 'actor'
  | 'system'
  | 'container'
  | 'component'
  | 'service'
  | 'datastore'
  | 'queue'
  | 'external'

export interface ZoneDefinition {
  /** Higher is more trusted. Crossing into a more trusted zone needs an `auth` decision. */
  trust: number
  description?: string
}

export interface ComponentDefinition<Zone extends string = string, Component extends string = string> {
  /** Defaults to the zone of the element it is part of. */
  zone?: Zone
  kind?: ComponentKind
  /** The element this one is part of: a container of its system, a component of its container. */
  partOf?: Component
  technology?: string
  tags?: string[]
  description?: string
  /** Static dependencies of this element, written with it: the same as `relations` entries `from` it. */
  relations?: Array<Omit<RelationDefinition<Component>, 'from'>>
}

/** A static dependency: `from` uses `to`. Every flow step implies one; these are the others. */
export interface RelationDefinition<Component extends string = string> {
  from: Component
  to: Component
  description?: string
  technology?: string
  tags?: string[]
}

/** A machine, a container platform, a cluster: where elements run in one environment. */
export interface DeploymentNode<Component extends string = string> {
  technology?: string
  description?: string
  tags?: string[]
  /** How many of this node run side by side (replication); 1 unless said. */
  instances?: number
  /** The elements this node runs. */
  runs?: Component[]
  /** Nodes inside this one, named (names are unique within the environment). */
  nodes?: Record<string, DeploymentNode<Component>>
}

/** A link between two nodes of an environment, by name: replication, failover, a network path. */
export interface DeploymentRelation {
  from: string
  to: string
  description?: string
  technology?: string
  tags?: string[]
}

export interface DeploymentEnvironment<Component extends string = string> {
  description?: string
  nodes: Record<string, DeploymentNode<Component>>
  relations?: DeploymentRelation[]
}

/** Any Zod object schema: the fields of an entity. */
export type EntitySchema = z.ZodObject

export type FieldOf<Schema extends EntitySchema> = Extract<keyof Schema['shape'], string>

export interface EntityDefinition<Field extends string = string> {
  schema: EntitySchema
  /** The fields that make two records "the same thing". */
  identity?: Field[]
  /** Each inner array is one unique key; `'none'` records the decision that nothing else is unique. */
  unique?: Field[][] | 'none'
  description?: string
}

export interface ContractDefinition<Component extends string = string> {
  from: Component
  to: Component
  /** How the caller is authenticated. `'none'` is an explicit decision, listed as such. */
  auth?: string
  request?: z.ZodType
  response?: z.ZodType
  /** Errors the callee may answer with; every flow step using the contract must handle each. */
  errors?: Record<string, z.ZodType>
  description?: string
}

export interface FlowStep<Component extends string = string, Contract extends string = string> {
  from: Component
  to: Component
  contract?: Contract
  message?: string
  /** Data this step makes available to later steps. */
  produces?: string[]
  /** Data this step needs from earlier steps. */
  consumes?: string[]
  /** How each error of the contract is handled. */
  onError?: Record<string, string>
  /** What happens when `to` is down or times out. */
  onFailure?: string
  /** The event this step sends to the flow's machine. */
  event?: string
  /** How this step is authenticated, where it has no contract that says so. */
  auth?: string
  description?: string
}

export interface FlowDefinition<
  Component extends string = string,
  Contract extends string = string,
  Machine extends string = string,
> {
  description?: string
  /** The machine whose events the steps send; the steps must be a path of it. */
  machine?: Machine
  steps: Array<FlowStep<Component, Contract>>
}

/** What an invariant or `never` predicate of a machine receives: a real XState snapshot. */
export type MachineSnapshotOf<Machine extends AnyStateMachine> = SnapshotFrom<Machine>

export type MachinePredicate<Machine extends AnyStateMachine = AnyStateMachine> = (
  snapshot: SnapshotFrom<Machine>,
) => boolean

/** An event's payload: its fields but `type`; an event without fields takes only `{}`. */
type PayloadOf<Event> = [keyof Omit<Event, 'type'>] extends [never] ? Record<string, never> : Omit<Event, 'type'>

/**
 * Samples by event type, and for an invoked actor's completion and failure by the invoke's id
 * or source (`creditCheck.done: [{ output }]`, `creditCheck.error: [{ error }]`, also under its
 * state's path), or by XState's own event type (`xstate.done.actor.…`).
 */
type EventPayloads<Machine extends AnyStateMachine> = {
  [Type in EventFromLogic<Machine>['type']]?: Array<PayloadOf<Extract<EventFromLogic<Machine>, { type: Type }>>>
} & {
  [Key: `${string}.done`]: Array<{ output?: unknown }>
  [Key: `${string}.error`]: Array<{ error?: unknown }>
  [Key: `xstate.${string}`]: Array<Record<string, unknown>>
}

export interface MachineModel<Machine extends AnyStateMachine = AnyStateMachine> {
  /** The real XState v5 machine: the one the application runs. */
  machine: Machine
  /** The input the machine starts with (`createActor(machine, { input })`), for a machine whose context needs one. */
  input?: InputFrom<Machine>
  /** Payload samples per event type; types without samples are sent bare. */
  events?: EventPayloads<Machine>
  /** Must hold in every reachable snapshot. */
  invariants?: Record<string, MachinePredicate<Machine>>
  /** Must be false in every reachable snapshot. */
  never?: Record<string, MachinePredicate<Machine>>
  /** `when` leads to `then`: checked on the explored graph, under `fairness`. */
  liveness?: Record<string, LivenessProperty<SnapshotFrom<Machine>>>
  /**
   * Over event types, XState's own included (`xstate.after.…`, `xstate.done.actor.…`): "a
   * timeout eventually fires". Each payload sample of a type is fair on its own.
   */
  fairness?: FairnessDefinition<string>
  description?: string
}

export type MachineEntry = AnyStateMachine | MachineModel<any>

/** Plain data: what a store's state may hold. */
export type PlainData = string | number | boolean | null | readonly PlainData[] | { readonly [key: string]: PlainData }

export type Domains = Record<string, readonly unknown[]>

/** The params an operation receives: one value from each named domain. */
export type ParamsFrom<D extends Domains, P> =
  P extends Record<string, keyof D>
    ? { -readonly [Name in keyof P]-?: NonNullable<D[P[Name]]>[number] }
    : Record<string, never>

export interface OperationTarget {
  entity: string
  by: string[]
}

export interface OperationDefinition<State, Params> {
  /** Names the domain each param ranges over; every combination is tried. */
  params?: Record<string, string>
  /** Which entity the operation addresses, and by which fields. */
  target?: OperationTarget
  /** Enabled only where true. */
  guard?: (state: State, params: Params) => boolean
  /** Pure: returns the next state, never mutates. */
  apply: (state: State, params: Params) => State
  description?: string
}

export interface EffectStep<State> {
  before: State
  after: State
  operation: string
  params: Record<string, unknown>
}

/**
 * `when` leads to `then`: from every reachable state where `when` holds, every fair
 * behaviour reaches a state where `then` holds (that state included). Without `when`, from
 * the initial state: "eventually then". A behaviour is an infinite path of the explored
 * graph, or a finite one that stops in a state with nothing enabled.
 */
export interface LivenessProperty<State> {
  when?: (state: State) => boolean
  then: (state: State) => boolean
  description?: string
}

/**
 * Which behaviours count. Weak: an operation (event type) enabled from some point on in
 * every state must be taken again and again. Strong: one enabled again and again (not
 * necessarily throughout) must be taken again and again. Unlisted ones may be ignored for ever.
 */
export interface FairnessDefinition<Name extends string> {
  weak?: readonly Name[] | 'all'
  strong?: readonly Name[]
}

export interface StoreDefinition<State = any> {
  initial: State
  domains?: Domains
  operations: Record<string, OperationDefinition<State, any>>
  invariants?: Record<string, (state: State) => boolean>
  never?: Record<string, (state: State) => boolean>
  effects?: Record<string, (step: EffectStep<State>) => boolean>
  /** `when` leads to `then`, checked on the explored graph under `fairness`. */
  liveness?: Record<string, LivenessProperty<State>>
  /** Over operations: each combination of an operation's params is fair on its own. */
  fairness?: FairnessDefinition<string>
  description?: string
}

/**
 * A finding (or a pack's question) a decision answers: its rule id or pack source, and its
 * element path. A pack's source alone (`{ rule: 'pack:accounts' }`) answers every question
 * of the pack.
 */
export interface DecisionAnswer {
  rule: string
  /** As `plumbline check` or `plumbline questions` prints it; omitted only for a whole pack. */
  element?: string
}

export interface DecisionDefinition {
  decision: string
  because: string
  /**
   * The finding this decision answers, or a list of them: each is then reported as decided,
   * not as a finding, and each that matches nothing is `decision/stale` on its own.
   */
  answers?: DecisionAnswer | readonly DecisionAnswer[]
}

export interface SystemDefinition<
  Zone extends string = string,
  Component extends string = string,
  Contract extends string = string,
  Machine extends string = string,
  Entity extends string = string,
> {
  name: string
  description?: string
  zones?: Record<Zone, ZoneDefinition>
  components?: Record<Component, ComponentDefinition<NoInfer<Zone>, NoInfer<Component>>>
  /** Static dependencies between components, besides those flow steps imply. */
  relations?: Array<RelationDefinition<NoInfer<Component>>>
  /** Where each element runs, per environment (`Development`, `Live`, …). */
  deployment?: Record<string, DeploymentEnvironment<NoInfer<Component>>>
  entities?: Record<Entity, EntityDefinition>
  contracts?: Record<Contract, ContractDefinition<NoInfer<Component>>>
  flows?: Record<string, FlowDefinition<NoInfer<Component>, NoInfer<Contract>, NoInfer<Machine>>>
  machines?: Record<Machine, MachineEntry>
  stores?: Record<string, StoreDefinition>
  decisions?: Record<string, DecisionDefinition>
  /** What the system explicitly does not do. */
  outOfScope?: string[]
}
