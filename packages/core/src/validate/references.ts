/**
 * Cross-references between names, checked on a model whose shape is valid: every zone,
 * component, contract, machine, entity, field and domain a model names must exist, and
 * lists of names must not repeat. Unknown contracts get their own rule, `contract/unknown`.
 * A machine's delays and invoked actors named without an implementation are reported too.
 */
import type { Finding } from '../diagnostics/types.js'
import { isPackSource } from '../questions/packs/types.js'
import { contractUnknown } from '../rules/contract/unknown.js'
import { modelInvalid } from '../rules/model/invalid.js'
import { answersOf } from '../model/decision-answers.js'
import type { PathSegment } from '../model/element-path.js'
import { isUserEventType, machineAcceptsEvent } from '../model/event-descriptors.js'
import { invokeSampleKeys } from '../model/invoke-sample-keys.js'
import { checkMachineImplementations } from './machine-implementations.js'
import { deploymentNodesOf } from '../model/deployment.js'
import { fieldsOf } from '../model/entity-fields.js'
import { partOfCycles } from './part-of-cycles.js'
import { findNonPlainData } from '../model/plain-data.js'
import type { Model } from '../model/model.js'
import { own } from '../model/own.js'
import { unknownName } from '../model/suggest.js'
import type { ContractDefinition, FairnessDefinition, FlowStep } from '../model/types.js'

/**
 * The names each referable section declares. Where the shape was broken, the model holds only
 * its sound entries, but a reference to an entry dropped for its shape is not unknown: these
 * lists come from the system as written, and a section that is itself broken (not an object)
 * is `undefined`, so references into it are not checked at all.
 */
export interface DeclaredNames {
  readonly zones: readonly string[] | undefined
  readonly components: readonly string[] | undefined
  readonly contracts: readonly string[] | undefined
  readonly machines: readonly string[] | undefined
  readonly entities: readonly string[] | undefined
}

/** What every section's check shares: the model, the declared names, and how a finding is reported. */
interface ReferenceCheck {
  readonly model: Model
  readonly declared: DeclaredNames
  readonly findings: Finding[]
  readonly invalid: (path: PathSegment[], message: string) => void
  /** `name` must be one of `known` (unless the section it points into is itself broken). */
  readonly expectName: (path: PathSegment[], kind: string, name: string, known: readonly string[] | undefined) => void
  /** No name listed twice in `list`. */
  readonly expectDistinct: (path: PathSegment[], what: string, list: readonly string[]) => void
}

export function checkReferences(
  model: Model,
  knownRules: ReadonlySet<string>,
  declared: DeclaredNames = declaredNamesOf(model),
): Finding[] {
  const findings: Finding[] = []
  const invalid = (path: PathSegment[], message: string): void => {
    findings.push(modelInvalid.finding(path, message))
  }
  const check: ReferenceCheck = {
    model,
    declared,
    findings,
    invalid,
    expectName: (path, kind, name, known) => {
      if (known !== undefined && !known.includes(name)) invalid(path, unknownName(kind, name, known))
    },
    expectDistinct: (path, what, list) => {
      const seen = new Set<string>()
      list.forEach((name, index) => {
        if (seen.has(name)) invalid([...path, index], `${JSON.stringify(name)} is listed twice in ${what}`)
        seen.add(name)
      })
    },
  }
  // In the order of the sections in a model file, so findings come in that order.
  checkComponents(check)
  checkRelations(check)
  checkDeployment(check)
  checkEntities(check)
  checkContracts(check)
  checkFlows(check)
  checkStores(check)
  checkMachines(check)
  checkDecisions(check, knownRules)
  check.expectDistinct(['outOfScope'], 'outOfScope', model.outOfScope)
  return findings
}

function checkComponents({ model, declared, invalid, expectName, expectDistinct }: ReferenceCheck): void {
  for (const [id, component] of Object.entries(model.components)) {
    if (component.zone !== undefined) expectName(['components', id, 'zone'], 'zone', component.zone, declared.zones)
    if (component.partOf !== undefined)
      expectName(['components', id, 'partOf'], 'element', component.partOf, declared.components)
    if (component.tags) expectDistinct(['components', id, 'tags'], 'tags', component.tags)
    for (const [index, relation] of (component.relations ?? []).entries())
      expectName(['components', id, 'relations', index, 'to'], 'element', relation.to, declared.components)
  }
  for (const { path, message } of partOfCycles(model)) invalid(path, message)
}

function checkRelations({ model, declared, expectName }: ReferenceCheck): void {
  model.relations.forEach((relation, index) => {
    expectName(['relations', index, 'from'], 'element', relation.from, declared.components)
    expectName(['relations', index, 'to'], 'element', relation.to, declared.components)
  })
}

function checkDeployment({ model, declared, invalid, expectName, expectDistinct }: ReferenceCheck): void {
  for (const [environment, { nodes, relations }] of Object.entries(model.deployment)) {
    const nodeNames: string[] = []
    for (const { name, path, node } of deploymentNodesOf(environment, nodes)) {
      if (nodeNames.includes(name))
        invalid(path, `node ${JSON.stringify(name)} is named twice in environment ${JSON.stringify(environment)}`)
      nodeNames.push(name)
      for (const [index, element] of (node.runs ?? []).entries())
        expectName([...path, 'runs', index], 'element', element, declared.components)
      if (node.runs) expectDistinct([...path, 'runs'], 'runs', node.runs)
    }
    relations?.forEach((relation, index) => {
      const path = ['deployment', environment, 'relations', index]
      expectName([...path, 'from'], 'node', relation.from, nodeNames)
      expectName([...path, 'to'], 'node', relation.to, nodeNames)
    })
  }
}

function checkEntities({ model, invalid, expectDistinct }: ReferenceCheck): void {
  for (const [name, entity] of Object.entries(model.entities)) {
    const fields = fieldsOf(entity.schema)
    const expectFields = (path: PathSegment[], list: readonly string[]): void => {
      list.forEach((field, index) => {
        if (!fields.includes(field)) invalid([...path, index], unknownName('field', field, fields, name))
      })
      expectDistinct(path, path.join('.'), list)
    }
    if (entity.identity) expectFields(['entities', name, 'identity'], entity.identity)
    if (Array.isArray(entity.unique)) {
      const keys = new Set<string>()
      entity.unique.forEach((key, index) => {
        expectFields(['entities', name, 'unique', index], key)
        const canonical = JSON.stringify([...key].sort())
        if (keys.has(canonical)) invalid(['entities', name, 'unique', index], 'the same unique key is listed twice')
        keys.add(canonical)
      })
    }
  }
}

function checkContracts({ model, declared, expectName }: ReferenceCheck): void {
  for (const [id, contract] of Object.entries(model.contracts)) {
    expectName(['contracts', id, 'from'], 'component', contract.from, declared.components)
    expectName(['contracts', id, 'to'], 'component', contract.to, declared.components)
  }
}

function checkFlows({ model, declared, findings, invalid, expectName, expectDistinct }: ReferenceCheck): void {
  const { components, contracts, machines } = declared
  for (const [id, flow] of Object.entries(model.flows)) {
    if (flow.machine !== undefined) expectName(['flows', id, 'machine'], 'machine', flow.machine, machines)
    flow.steps.forEach((step, index) => {
      const path = ['flows', id, 'steps', index]
      expectName([...path, 'from'], 'component', step.from, components)
      expectName([...path, 'to'], 'component', step.to, components)
      if (step.contract !== undefined && contracts !== undefined && !contracts.includes(step.contract))
        findings.push(contractUnknown.finding([...path, 'contract'], unknownName('contract', step.contract, contracts)))
      checkHandledErrors(
        step,
        path,
        step.contract === undefined ? undefined : own(model.contracts, step.contract),
        invalid,
      )
      if (step.event !== undefined && flow.machine === undefined)
        invalid(
          [...path, 'event'],
          `the step sends event ${JSON.stringify(step.event)} but flow ${JSON.stringify(id)} names no machine`,
        )
      if (step.produces) expectDistinct([...path, 'produces'], 'produces', step.produces)
      if (step.consumes) expectDistinct([...path, 'consumes'], 'consumes', step.consumes)
    })
  }
}

function checkStores({ model, declared, invalid, expectName }: ReferenceCheck): void {
  for (const [id, store] of Object.entries(model.stores)) {
    const problem = findNonPlainData(store.initial)
    if (problem)
      invalid(['stores', id, 'initial', ...problem.path], `store state must be plain data; found ${problem.found}`)
    const domains = Object.keys(store.domains ?? {})
    for (const [domain, values] of Object.entries(store.domains ?? {})) {
      const valueProblem = findNonPlainData(values)
      if (valueProblem)
        invalid(
          ['stores', id, 'domains', domain, ...valueProblem.path],
          `domain values must be plain data; found ${valueProblem.found}`,
        )
    }
    checkFairness(['stores', id, 'fairness'], store.fairness, 'operation', Object.keys(store.operations), invalid)
    for (const [name, operation] of Object.entries(store.operations)) {
      const path = ['stores', id, 'operations', name]
      for (const [param, domain] of Object.entries(operation.params ?? {}))
        expectName([...path, 'params', param], 'domain', domain, domains)
      if (operation.target) {
        const entity = own(model.entities, operation.target.entity)
        if (!entity) expectName([...path, 'target', 'entity'], 'entity', operation.target.entity, declared.entities)
        else {
          const fields = fieldsOf(entity.schema)
          operation.target.by.forEach((field, index) => {
            if (!fields.includes(field))
              invalid([...path, 'target', 'by', index], unknownName('field', field, fields, operation.target?.entity))
          })
        }
      }
    }
  }
}

function checkMachines({ model, invalid }: ReferenceCheck): void {
  for (const [id, { machine, events, fairness }] of Object.entries(model.machines)) {
    checkMachineImplementations(id, machine, invalid)
    // Fairness may name XState's own events (a delay, an actor done): every type the machine sends itself.
    const types = [...new Set((machine.root.events as string[]).filter((type) => type !== '' && !type.includes('*')))]
    checkFairness(['machines', id, 'fairness'], fairness, 'event', types, invalid)
    // A sample for a type no descriptor of the machine matches is never taken: a misspelt type,
    // whose real event is then sent bare.
    for (const type of Object.keys(events ?? {}))
      if (!machineAcceptsEvent(machine, type))
        invalid(
          ['machines', id, 'events', type],
          unknownName(
            'event',
            type,
            [
              ...new Set((machine.root.events as string[]).filter(isUserEventType)),
              ...invokeSampleKeys(machine).keys(),
            ],
            `machine ${JSON.stringify(id)}`,
          ),
        )
  }
}

/** Decisions answer findings of known rules, each finding once. */
function checkDecisions({ model, invalid }: ReferenceCheck, knownRules: ReadonlySet<string>): void {
  const answered = new Map<string, string>()
  for (const [id, decision] of Object.entries(model.decisions))
    for (const { rule, element, path } of answersOf(id, decision)) {
      if (!knownRules.has(rule)) invalid([...path, 'rule'], unknownName('rule', rule, [...knownRules]))
      else if (element === undefined && !isPackSource(rule))
        invalid(
          [...path, 'element'],
          `missing: only a pack's questions may be answered all at once (${rule} needs the element of its finding)`,
        )
      const key = JSON.stringify([rule, element ?? null])
      const earlier = answered.get(key)
      if (earlier === undefined) answered.set(key, id)
      else
        invalid(
          path,
          earlier === id
            ? 'answers the same finding twice'
            : `answers the same finding as decision ${JSON.stringify(earlier)}`,
        )
    }
}

/** Every error a step's onError handles must be one its contract declares (an unknown contract is reported on its own). */
function checkHandledErrors(
  step: FlowStep,
  path: PathSegment[],
  contract: ContractDefinition | undefined,
  invalid: (path: PathSegment[], message: string) => void,
): void {
  if (step.onError === undefined || (step.contract !== undefined && contract === undefined)) return
  const declared = Object.keys(contract?.errors ?? {})
  for (const error of Object.keys(step.onError)) {
    if (declared.includes(error)) continue
    const quoted = JSON.stringify(error)
    const owner = `contract ${JSON.stringify(step.contract)}`
    invalid(
      [...path, 'onError', error],
      contract === undefined
        ? `the step names no contract, so it has no error ${quoted} to handle (what happens when ${JSON.stringify(step.to)} fails goes in onFailure)`
        : declared.length === 0
          ? `${owner} has no error ${quoted}: it declares no errors`
          : unknownName('error', error, declared, owner),
    )
  }
}

function declaredNamesOf(model: Model): DeclaredNames {
  return {
    zones: Object.keys(model.zones),
    components: Object.keys(model.components),
    contracts: Object.keys(model.contracts),
    machines: Object.keys(model.machines),
    entities: Object.keys(model.entities),
  }
}

/** Every name fairness lists must be an operation (event type) of its store (machine). */
function checkFairness(
  path: PathSegment[],
  fairness: FairnessDefinition<string> | undefined,
  kind: string,
  known: readonly string[],
  invalid: (path: PathSegment[], message: string) => void,
): void {
  for (const strength of ['weak', 'strong'] as const) {
    const listed = fairness?.[strength]
    if (listed === undefined || listed === 'all') continue
    listed.forEach((name, index) => {
      if (!known.includes(name)) invalid([...path, strength, index], unknownName(kind, name, known))
    })
  }
}
