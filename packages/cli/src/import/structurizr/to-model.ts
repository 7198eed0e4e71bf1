/**
 * A Structurizr workspace as a Plumbline system definition (plain data), and the list of
 * what could not be mapped, for the comment at the top of the generated file. People,
 * software systems, containers and components become nested elements under their names as
 * written; relationships become relations (those Structurizr implies from others are left
 * to Plumbline's own roll-up); deployment nodes become environments; dynamic views become
 * flows. Names Plumbline needs unique that Structurizr does not (an element or a node named
 * like another) are told apart by their parent's name, and each such renaming is listed.
 */
import type { DeploymentNodeJson, RelationshipJson, Workspace } from './workspace-schema.js'

export interface ImportedModel {
  system: Record<string, unknown>
  /** Sentences for the generated file's comment: what was not mapped, or mapped under another name. */
  notes: string[]
}

/** The tags Structurizr gives every element of a type: Plumbline says the same with `kind`. */
const DEFAULT_TAGS = new Set([
  'Element',
  'Person',
  'Software System',
  'Container',
  'Component',
  'Relationship',
  'Deployment Node',
  'Infrastructure Node',
  'Container Instance',
  'Software System Instance',
])

interface ElementJson {
  id: string
  name: string
  description?: string | undefined
  technology?: string | undefined
  tags?: string | undefined
  location?: string | undefined
  relationships?: RelationshipJson[] | undefined
}

export function workspaceToModel(workspace: Workspace): ImportedModel {
  const notes: string[] = []
  const names = new Map<string, string>()
  const taken = new Set<string>()
  const components: Record<string, Record<string, unknown>> = {}
  const relationships: RelationshipJson[] = []

  const distinct = (name: string, parent: string | undefined, what: string): string => {
    const trimmed = name.trim()
    let unique = trimmed
    if (taken.has(unique) && parent !== undefined) unique = `${trimmed} (${parent})`
    for (let suffix = 2; taken.has(unique); suffix++) unique = `${trimmed} (${suffix})`
    if (unique !== name)
      notes.push(
        `${what} ${JSON.stringify(name)} is named ${JSON.stringify(unique)}: Plumbline needs names unique and without surrounding spaces`,
      )
    taken.add(unique)
    return unique
  }
  const add = (element: ElementJson, kind: string, parent: string | undefined): string => {
    const name = distinct(element.name, parent, 'element')
    names.set(element.id, name)
    const tags = customTags(element.tags)
    components[name] = {
      kind,
      ...(parent === undefined ? {} : { partOf: parent }),
      ...(element.technology ? { technology: element.technology } : {}),
      ...(tags.length > 0 ? { tags } : {}),
      ...(element.description ? { description: element.description } : {}),
    }
    relationships.push(...(element.relationships ?? []))
    return name
  }

  for (const person of workspace.model.people ?? []) add(person, 'person', undefined)
  const subjects = viewSubjects(workspace)
  for (const system of workspace.model.softwareSystems ?? []) {
    const containers = system.containers ?? []
    // A system with no containers that no view is about is one the workspace only calls.
    const external = system.location === 'External' || (containers.length === 0 && !subjects.has(system.id))
    const systemName = add(system, external ? 'external' : 'system', undefined)
    for (const container of containers) {
      const containerName = add(container, containerKind(container.tags), systemName)
      for (const component of container.components ?? []) add(component, 'component', containerName)
    }
  }

  const implied = relationships.filter((relationship) => relationship.linkedRelationshipId !== undefined)
  if (implied.length > 0)
    notes.push(
      `${implied.length} ${implied.length === 1 ? 'relationship' : 'relationships'} Structurizr implies from others: plumbline render rolls relations up itself`,
    )
  const relations = relationships
    .filter((relationship) => relationship.linkedRelationshipId === undefined)
    .flatMap((relationship) => {
      const from = names.get(relationship.sourceId)
      const to = names.get(relationship.destinationId)
      if (from === undefined || to === undefined) {
        notes.push(`relationship ${relationship.id}: one of its ends is not an element of the model`)
        return []
      }
      const tags = customTags(relationship.tags)
      return [
        {
          from,
          to,
          ...(relationship.description ? { description: relationship.description } : {}),
          ...(relationship.technology ? { technology: relationship.technology } : {}),
          ...(tags.length > 0 ? { tags } : {}),
        },
      ]
    })

  const flows = dynamicViewFlows(workspace, relationships, names, notes)
  const deployment = deploymentOf(workspace.model.deploymentNodes ?? [], names, notes)
  notes.push(...viewNotes(workspace))

  const system: Record<string, unknown> = {
    name: workspace.name.trim(),
    ...(workspace.description ? { description: workspace.description } : {}),
    components,
    ...(relations.length > 0 ? { relations } : {}),
    ...(Object.keys(flows).length > 0 ? { flows } : {}),
    ...(Object.keys(deployment).length > 0 ? { deployment } : {}),
  }
  return { system, notes }
}

/** The software systems the workspace's context and container views are about. */
function viewSubjects(workspace: Workspace): Set<string> {
  const views = (workspace.views ?? {}) as Record<string, unknown>
  const subjects = new Set<string>()
  for (const key of ['systemContextViews', 'containerViews'])
    for (const view of Array.isArray(views[key]) ? (views[key] as Array<{ softwareSystemId?: unknown }>) : [])
      if (typeof view.softwareSystemId === 'string') subjects.add(view.softwareSystemId)
  return subjects
}

function customTags(tags: string | undefined): string[] {
  return [
    ...new Set(
      (tags ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== '' && !DEFAULT_TAGS.has(tag)),
    ),
  ]
}

function containerKind(tags: string | undefined): string {
  const custom = customTags(tags).map((tag) => tag.toLowerCase())
  if (custom.some((tag) => tag.includes('database') || tag.includes('data store'))) return 'datastore'
  if (custom.some((tag) => tag.includes('queue') || tag.includes('message bus'))) return 'queue'
  return 'container'
}

/** Each dynamic view a flow: its relationships in their order, a response drawn back from destination to source. */
function dynamicViewFlows(
  workspace: Workspace,
  relationships: readonly RelationshipJson[],
  names: ReadonlyMap<string, string>,
  notes: string[],
): Record<string, unknown> {
  const byId = new Map(relationships.map((relationship) => [relationship.id, relationship]))
  const flows: Record<string, unknown> = {}
  for (const view of workspace.views?.dynamicViews ?? []) {
    const ordered = view.relationships
      .map((step, index) => ({ step, index }))
      .sort((a, b) => orderOf(a.step.order, a.index) - orderOf(b.step.order, b.index))
    const steps = ordered.flatMap(({ step }) => {
      const relationship = byId.get(step.id)
      const source = relationship && names.get(relationship.sourceId)
      const destination = relationship && names.get(relationship.destinationId)
      if (relationship === undefined || source === undefined || destination === undefined) {
        notes.push(
          `dynamic view ${JSON.stringify(view.key)}: relationship ${step.id} is not between elements of the model`,
        )
        return []
      }
      const [from, to] = step.response === true ? [destination, source] : [source, destination]
      const message = step.description ?? relationship.description
      return [{ from, to, ...(message ? { message } : {}) }]
    })
    flows[view.key] = { ...(view.description ? { description: view.description } : {}), steps }
  }
  return flows
}

function orderOf(order: string | number | undefined, index: number): number {
  const number = Number(order)
  return Number.isFinite(number) ? number : index
}

function deploymentOf(
  nodes: readonly DeploymentNodeJson[],
  names: ReadonlyMap<string, string>,
  notes: string[],
): Record<string, { nodes: Record<string, unknown>; relations?: unknown[] }> {
  const environments: Record<string, { nodes: Record<string, unknown>; relations?: unknown[] }> = {}
  const nodeNames = new Map<string, { environment: string; name: string }>()
  const takenIn = new Map<string, Set<string>>()
  const pending: Array<{ environment: string; from: string; relationship: RelationshipJson }> = []

  const convert = (node: DeploymentNodeJson, environment: string, parent: string | undefined): [string, unknown] => {
    const taken = takenIn.get(environment) ?? new Set<string>()
    takenIn.set(environment, taken)
    let name = node.name.trim()
    if (taken.has(name) && parent !== undefined) name = `${node.name.trim()} (${parent})`
    for (let suffix = 2; taken.has(name); suffix++) name = `${node.name.trim()} (${suffix})`
    if (name !== node.name)
      notes.push(
        `deployment node ${JSON.stringify(node.name)} in ${JSON.stringify(environment)} is named ${JSON.stringify(name)}: node names are unique within an environment`,
      )
    taken.add(name)
    nodeNames.set(node.id, { environment, name })
    const runs = [
      ...new Set(
        [
          ...(node.containerInstances ?? []).map((instance) => instance.containerId),
          ...(node.softwareSystemInstances ?? []).map((instance) => instance.softwareSystemId),
        ].flatMap((id) => {
          const element = id === undefined ? undefined : names.get(id)
          return element === undefined ? [] : [element]
        }),
      ),
    ]
    for (const relationship of node.relationships ?? []) pending.push({ environment, from: node.id, relationship })
    // An instance's relationships copied from its element's (linkedRelationshipId) are the model's relations, drawn again.
    for (const instance of [...(node.containerInstances ?? []), ...(node.softwareSystemInstances ?? [])])
      for (const relationship of instance.relationships ?? [])
        if (relationship.linkedRelationshipId === undefined)
          notes.push(
            `relationship ${relationship.id} of an instance on node ${JSON.stringify(name)} in ${JSON.stringify(environment)}${relationship.description ? ` (${JSON.stringify(relationship.description)})` : ''}`,
          )
    for (const infrastructure of node.infrastructureNodes ?? [])
      notes.push(`infrastructure node ${JSON.stringify(infrastructure.name)} in ${JSON.stringify(environment)}`)
    const instances = instancesOf(node.instances)
    if (instances === undefined)
      notes.push(
        `the instances of deployment node ${JSON.stringify(name)} (${JSON.stringify(node.instances)}) are not a whole number`,
      )
    const tags = customTags(node.tags)
    const children = Object.fromEntries((node.children ?? []).map((child) => convert(child, environment, name)))
    return [
      name,
      {
        ...(node.technology ? { technology: node.technology } : {}),
        ...(node.description ? { description: node.description } : {}),
        ...(tags.length > 0 ? { tags } : {}),
        ...(instances !== undefined && instances !== 1 ? { instances } : {}),
        ...(runs.length > 0 ? { runs } : {}),
        ...(Object.keys(children).length > 0 ? { nodes: children } : {}),
      },
    ]
  }

  for (const node of nodes) {
    const environment = node.environment ?? 'Default'
    const [name, converted] = convert(node, environment, undefined)
    environments[environment] ??= { nodes: {} }
    environments[environment].nodes[name] = converted
  }
  for (const { environment, from, relationship } of pending) {
    const source = nodeNames.get(from)
    const destination = nodeNames.get(relationship.destinationId)
    if (source === undefined || destination === undefined || destination.environment !== environment) {
      notes.push(
        `relationship ${relationship.id} of deployment node ${JSON.stringify(source?.name)}: its destination is not a node of ${JSON.stringify(environment)}`,
      )
      continue
    }
    const target = environments[environment]
    if (target === undefined) continue
    target.relations = [
      ...(target.relations ?? []),
      {
        from: source.name,
        to: destination.name,
        ...(relationship.description ? { description: relationship.description } : {}),
        ...(relationship.technology ? { technology: relationship.technology } : {}),
      },
    ]
  }
  return environments
}

function instancesOf(instances: number | string | undefined): number | undefined {
  if (instances === undefined) return 1
  const number = Number(instances)
  return Number.isInteger(number) && number >= 1 ? number : undefined
}

/** What the workspace's views and other parts hold that a Plumbline model does not. */
function viewNotes(workspace: Workspace): string[] {
  const views = (workspace.views ?? {}) as Record<string, unknown>
  const notes: string[] = []
  const count = (key: string): number => (Array.isArray(views[key]) ? (views[key] as unknown[]).length : 0)
  const redrawn = ['systemLandscapeViews', 'systemContextViews', 'containerViews', 'componentViews', 'deploymentViews']
    .filter((key) => count(key) > 0)
    .map((key) => `${key} (${count(key)})`)
  if (redrawn.length > 0)
    notes.push(
      `views ${redrawn.join(', ')}: plumbline render draws every zoom level from the model instead (their layout and filters are not kept)`,
    )
  for (const key of ['filteredViews', 'imageViews', 'customViews'])
    if (count(key) > 0) notes.push(`${key} (${count(key)})`)
  if (views.configuration !== undefined) notes.push('views.configuration: styles, themes, branding and terminology')
  const documentation = (workspace as { documentation?: { sections?: unknown[]; decisions?: unknown[] } }).documentation
  if ((documentation?.sections?.length ?? 0) > 0)
    notes.push(`documentation: ${documentation?.sections?.length} sections`)
  if ((documentation?.decisions?.length ?? 0) > 0)
    notes.push(
      `documentation: ${documentation?.decisions?.length} architecture decision records (write Plumbline decisions for those a rule asks)`,
    )
  return notes
}
