/**
 * Test support: what each diagram must show of a model, checked on the data Mermaid's own
 * parser (10 and 11) makes of the emitted text. Expectations are derived from the model
 * here, not from the emitters' helpers, so an emitter that drops or garbles a name fails.
 */
import type { AnyStateNode } from 'xstate'
import { expect } from 'vitest'
import { effectiveZone, type Model } from '@plumbline/core'
import type { NamedDiagram } from '../document/document.js'
import {
  parseEntityDiagram,
  parseFlowchart,
  parseSequenceDiagram,
  parseStateDiagram,
  type MermaidVersion,
} from './mermaid.js'

export const VERSIONS: readonly MermaidVersion[] = [11, 10]

/** Every diagram of a document, parsed by both Mermaid versions and compared with the model. */
export async function expectDiagramsShowModel(model: Model, diagrams: readonly NamedDiagram[]): Promise<void> {
  const flows = Object.entries(model.flows)
  const machines = Object.entries(model.machines)
  let flowIndex = 0
  let machineIndex = 0
  const inViews = new Set<string>()
  for (const { name, diagram } of diagrams) {
    if (name === 'components') await expectComponentsShown(model, diagram.text)
    else if (name.startsWith('view-'))
      for (const label of await expectViewShown(model, name, diagram.text)) inViews.add(label)
    else if (name.startsWith('deployment-')) await expectDeploymentShown(model, diagram.text)
    else if (name === 'entities') await expectEntitiesShown(model, diagram.text)
    else if (name.startsWith('flow-')) await expectFlowShown(model, flows[flowIndex++]?.[0] ?? '', diagram.text)
    else if (name.startsWith('machine-')) {
      const [id = '', entry] = machines[machineIndex++] ?? []
      await expectMachineShown(id, entry?.machine.root, diagram.text)
    } else for (const version of VERSIONS) await parseSequenceDiagram(version, diagram.text)
  }
  // Every element is shown, under its own name, in the view of its level.
  if (diagrams.some(({ name }) => name.startsWith('view-')))
    expect([...inViews].sort()).toEqual(Object.keys(model.components).sort())
}

/**
 * A zoom-level view: every node and every boundary is an element, named as written, each
 * node inside the boundary of its nearest ancestor; every edge joins two nodes. The landscape
 * shows exactly the elements that are part of none. Returns the elements shown as nodes.
 */
async function expectViewShown(model: Model, name: string, text: string): Promise<string[]> {
  const elements = Object.keys(model.components)
  let shown: string[] = []
  for (const version of VERSIONS) {
    const parsed = await parseFlowchart(version, text)
    const labelOf = new Map(parsed.nodes.map((node) => [node.id, node.label]))
    const nodes = parsed.nodes.filter((node) => !parsed.subgraphs.some((subgraph) => subgraph.id === node.id))
    shown = nodes.map((node) => node.label)
    for (const label of [...shown, ...parsed.subgraphs.map((subgraph) => subgraph.label)])
      expect(elements).toContain(label)
    if (name === 'view-landscape')
      expect([...shown].sort()).toEqual(
        elements.filter((element) => model.components[element]?.partOf === undefined).sort(),
      )
    for (const subgraph of parsed.subgraphs)
      for (const member of subgraph.nodes) {
        const label = labelOf.get(member) ?? parsed.subgraphs.find((inner) => inner.id === member)?.label
        expect(model.components[label ?? '']?.partOf).toBe(subgraph.label)
      }
    for (const edge of parsed.edges) {
      expect(shown).toContain(labelOf.get(edge.from))
      expect(shown).toContain(labelOf.get(edge.to))
    }
  }
  return shown
}

/** A deployment view: every node of the environment a subgraph labelled with its name first, every element it runs inside it. */
async function expectDeploymentShown(model: Model, text: string): Promise<void> {
  for (const version of VERSIONS) {
    const parsed = await parseFlowchart(version, text)
    const labelOf = new Map(parsed.nodes.map((node) => [node.id, node.label]))
    const environment = Object.values(model.deployment).find((candidate) =>
      parsed.subgraphs.every((subgraph) => nodeNamed(candidate.nodes, subgraph.label) !== undefined),
    )
    expect(environment).toBeDefined()
    for (const subgraph of parsed.subgraphs) {
      const node = nodeNamed(environment?.nodes ?? {}, subgraph.label)
      const members = subgraph.nodes
        .map((id) => labelOf.get(id))
        .filter((label) => !parsed.subgraphs.some((inner) => inner.label === label))
      expect(members.filter((label) => model.components[label ?? ''] !== undefined)).toEqual(node?.runs ?? [])
    }
  }
}

/** The node (at any depth) whose name starts the label: `bigbank-db01 [Ubuntu] ×2`. */
function nodeNamed(
  nodes: Model['deployment'][string]['nodes'],
  label: string,
): Model['deployment'][string]['nodes'][string] | undefined {
  for (const [name, node] of Object.entries(nodes)) {
    if (label === name || label.startsWith(`${name} [`) || label.startsWith(`${name} ×`)) return node
    const inner = nodeNamed(node.nodes ?? {}, label)
    if (inner !== undefined) return inner
  }
  return undefined
}

export function stepText(step: Model['flows'][string]['steps'][number]): string {
  const label = step.contract ?? step.message ?? ''
  return step.event === undefined ? label : `${label} ⇒ ${step.event}`
}

export async function expectComponentsShown(model: Model, text: string): Promise<void> {
  const steps = Object.values(model.flows).flatMap((flow) => flow.steps)
  const unusedContracts = Object.entries(model.contracts).filter(([id]) => !steps.some((step) => step.contract === id))
  const components = [
    ...new Set([
      ...Object.keys(model.components),
      ...steps.flatMap((step) => [step.from, step.to]),
      ...Object.values(model.contracts).flatMap((contract) => [contract.from, contract.to]),
    ]),
  ]
  const inZone = (component: string): string | undefined => {
    const zone = model.components[component]?.zone
    return zone !== undefined && zone in model.zones ? zone : undefined
  }
  const edges = new Set([
    ...steps.map((step) => JSON.stringify([step.from, step.to, stepText(step), 'arrow_point'])),
    ...unusedContracts.map(([id, contract]) => JSON.stringify([contract.from, contract.to, id, 'arrow_point'])),
  ])
  for (const version of VERSIONS) {
    const parsed = await parseFlowchart(version, text)
    const labelOf = new Map(parsed.nodes.map((node) => [node.id, node.label]))
    expect(parsed.nodes.map((node) => node.label).sort()).toEqual([...components].sort())
    expect(parsed.subgraphs.map((subgraph) => subgraph.label).sort()).toEqual(
      Object.entries(model.zones)
        .map(([zone, { trust }]) => `${zone} (trust ${trust})`)
        .sort(),
    )
    for (const subgraph of parsed.subgraphs) {
      const zone = Object.keys(model.zones).find(
        (name) => subgraph.label === `${name} (trust ${model.zones[name]?.trust})`,
      )
      expect(subgraph.nodes.map((id) => labelOf.get(id)).sort()).toEqual(
        components.filter((component) => inZone(component) === zone).sort(),
      )
    }
    expect(
      parsed.edges
        .map((edge) => JSON.stringify([labelOf.get(edge.from), labelOf.get(edge.to), edge.label, edge.type]))
        .sort(),
    ).toEqual([...edges].sort())
    // Contracts no step uses are dotted.
    expect(
      parsed.edges
        .filter((edge) => edge.stroke === 'dotted')
        .map((edge) => edge.label)
        .sort(),
    ).toEqual(unusedContracts.map(([id]) => id).sort())
  }
}

export async function expectEntitiesShown(model: Model, text: string): Promise<void> {
  for (const version of VERSIONS) {
    const parsed = await parseEntityDiagram(version, text)
    expect(parsed.map((entity) => entity.label)).toEqual(Object.keys(model.entities))
    for (const entity of parsed) {
      const definition = model.entities[entity.label]
      const fields = Object.keys(definition?.schema.shape ?? {})
      expect(entity.attributes).toHaveLength(fields.length)
      entity.attributes.forEach((attribute, index) => {
        const field = fields[index] ?? ''
        // A field is shown by its name, or (where Mermaid cannot take the name) first in its comment.
        expect(
          attribute.name === field || attribute.comment === field || attribute.comment.startsWith(`${field}; `),
        ).toBe(true)
        const unique = definition?.unique === 'none' ? [] : (definition?.unique ?? [])
        expect(attribute.keys).toEqual([
          ...(definition?.identity?.includes(field) ? ['PK'] : []),
          ...(unique.some((key) => key.includes(field)) ? ['UK'] : []),
        ])
      })
    }
  }
}

export async function expectFlowShown(model: Model, flowId: string, text: string): Promise<void> {
  const flow = model.flows[flowId]
  if (flow === undefined) throw new Error(`no flow ${flowId}`)
  for (const version of VERSIONS) {
    const parsed = await parseSequenceDiagram(version, text)
    const labelOf = new Map(parsed.participants.map((participant) => [participant.id, participant.label]))
    expect(parsed.participants.map((participant) => participant.label).sort()).toEqual(
      [...new Set(flow.steps.flatMap((step) => [step.from, step.to]))].sort(),
    )
    for (const participant of parsed.participants) {
      expect(participant.type).toBe(
        ['actor', 'person'].includes(model.components[participant.label]?.kind ?? '') ? 'actor' : 'participant',
      )
      const zone = effectiveZone(model, participant.label)
      expect(participant.box).toBe(zone !== undefined && zone in model.zones ? zone : undefined)
    }
    const messages = parsed.lines
      .filter((line) => line.startsWith('message '))
      .map((line) => {
        const [, from = '', to = '', label] = /^message (\S+)→(\S+): (.*)$/su.exec(line) ?? []
        return [labelOf.get(from), labelOf.get(to), label]
      })
    expect(messages).toEqual(flow.steps.map((step) => [step.from, step.to, stepText(step)]))
    const notes = parsed.lines
      .filter((line) => line.startsWith('note '))
      .map((line) => line.slice(line.indexOf(': ') + 2))
    for (const step of flow.steps) {
      const errors = Object.keys(
        (step.contract === undefined ? undefined : model.contracts[step.contract])?.errors ?? {},
      )
      for (const error of errors) expect(notes).toContain(noteShown(step.onError?.[error] ?? 'not handled'))
      if (step.onFailure !== undefined) expect(notes).toContain(noteShown(step.onFailure))
    }
  }
}

/** A note with no visible text says so (Mermaid 10 cannot draw an empty one). */
export function noteShown(text: string): string {
  return text.trim() === '' ? '(no text)' : text
}

/** Every state shown with its name inside its parent's composite; every event named on an edge or a note. */
export async function expectMachineShown(
  machineId: string,
  root: AnyStateNode | undefined,
  text: string,
): Promise<void> {
  if (root === undefined) throw new Error(`no machine ${machineId}`)
  const nodes: AnyStateNode[] = []
  const visit = (node: AnyStateNode): void => {
    for (const child of Object.values(node.states)) {
      nodes.push(child)
      visit(child)
    }
  }
  visit(root)
  for (const version of VERSIONS) {
    const parsed = await parseStateDiagram(version, text)
    const byId = new Map(parsed.states.map((state) => [state.id, state]))
    const isShown = (state: { id: string; label: string }): boolean =>
      !/_(start|end)$/u.test(state.id) && !state.id.startsWith('divider') && state.label !== ''
    // Mermaid 11 puts a parallel composite's regions in unnamed divider groups: look through them.
    const pathOf = (id: string | undefined): string[] => {
      const state = id === undefined ? undefined : byId.get(id)
      if (state === undefined) return []
      return isShown(state) ? [...pathOf(state.parent), baseName(state.label)] : pathOf(state.parent)
    }
    const shown = parsed.states.filter(isShown).map((state) => pathOf(state.id))
    // A history state shows as H or H*, in the composite it belongs to.
    const shownPath = (node: AnyStateNode): string[] =>
      node.type === 'history' ? [...node.path.slice(0, -1), node.history === 'deep' ? 'H*' : 'H'] : node.path
    const expected = nodes.map((node) => (root.type === 'parallel' ? [machineId, ...shownPath(node)] : shownPath(node)))
    if (root.type === 'parallel') expected.push([machineId])
    expect(shown.map((path) => JSON.stringify(path)).sort()).toEqual(
      expected.map((path) => JSON.stringify(path)).sort(),
    )
    // Transitions with a target are edges; those without are written in their state (or a note, the machine's own).
    const named = [
      ...parsed.transitions.map((transition) => transition.label),
      ...parsed.notes.map((note) => note.text),
      ...parsed.states.flatMap((state) => [state.label, ...state.lines]),
    ].join('\n')
    for (const node of [root, ...nodes])
      for (const eventType of node.transitions.keys())
        if (!eventType.startsWith('xstate.')) expect(named).toContain(eventType)
  }
}

/** A state's label without what the renderer adds: a composite's details (` · invokes x`), the check's mark. */
function baseName(label: string): string {
  return label
    .replace(/ · (?:invokes |stays on |entry \/ |exit \/ |tags: ).*$/su, '')
    .replace(/ \((unreachable|deadlock)\)$/u, '')
}
