/**
 * The model as the checks, the explorer and the renderer see it: a system whose shape has
 * been validated, with every optional section present and every machine in its object form.
 */
import type {
  ComponentDefinition,
  ContractDefinition,
  DecisionDefinition,
  DeploymentEnvironment,
  EntityDefinition,
  FlowDefinition,
  MachineModel,
  RelationDefinition,
  StoreDefinition,
  SystemDefinition,
  ZoneDefinition,
} from './types.js'
import { resolveSampleKeys } from './invoke-sample-keys.js'
import { isStateMachine } from './recognise.js'

export interface Model {
  readonly name: string
  readonly description: string | undefined
  readonly zones: Readonly<Record<string, ZoneDefinition>>
  readonly components: Readonly<Record<string, ComponentDefinition>>
  readonly relations: readonly RelationDefinition[]
  readonly deployment: Readonly<Record<string, DeploymentEnvironment>>
  readonly entities: Readonly<Record<string, EntityDefinition>>
  readonly contracts: Readonly<Record<string, ContractDefinition>>
  readonly flows: Readonly<Record<string, FlowDefinition>>
  readonly machines: Readonly<Record<string, MachineModel>>
  readonly stores: Readonly<Record<string, StoreDefinition>>
  readonly decisions: Readonly<Record<string, DecisionDefinition>>
  readonly outOfScope: readonly string[]
}

/** Only for systems whose shape has been validated (`systemShape`). */
export function normalizeSystem(system: SystemDefinition): Model {
  const machines: Record<string, MachineModel> = {}
  for (const [id, entry] of Object.entries(system.machines ?? {})) {
    const model = isStateMachine(entry) ? { machine: entry } : (entry as MachineModel)
    // Samples keyed as the user knows an invoke (`creditCheck.done`) are keyed by XState's event types from here on.
    machines[id] =
      model.events === undefined
        ? model
        : ({
            ...model,
            events: resolveSampleKeys(model.machine, model.events as Record<string, unknown[]>),
          } as MachineModel)
  }
  return {
    name: system.name,
    description: system.description,
    zones: system.zones ?? {},
    components: system.components ?? {},
    relations: system.relations ?? [],
    deployment: system.deployment ?? {},
    entities: system.entities ?? {},
    contracts: system.contracts ?? {},
    flows: system.flows ?? {},
    machines,
    stores: system.stores ?? {},
    decisions: system.decisions ?? {},
    outOfScope: system.outOfScope ?? [],
  }
}

/** True where the system declares trust zones: then every component must be in one. */
export function declaresZones(model: Model): boolean {
  return Object.keys(model.zones).length > 0
}
