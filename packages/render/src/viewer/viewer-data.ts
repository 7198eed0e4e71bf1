/**
 * What the viewer shows of one checked model, as data: every diagram the document draws
 * (by name, with its Mermaid text), and every finding with the diagram element it names
 * and, for a finding with a counterexample, its steps with what each highlights — the
 * machine's current states, the flow's or the trace's current message, the store fields
 * that changed. The page embeds it as JSON; the browser script only looks things up in it.
 */
import { parseElementPath, stateDiff, type Diagnostic, type Model, type TraceStep } from '@plumbline/core'
import { fitsMermaidLimits } from '../diagram.js'
import type { NamedDiagram } from '../document/document.js'
import { distinctSlugs } from '../document/file-names.js'
import { showValue } from '../trace/trace-diagram.js'
import { viewSlugs, zoomViews } from '../views/zoom-levels.js'
import { namedNodeId, stateNodeId } from './diagram-nodes.js'

export interface ViewerDiagram {
  /** The document's name for it (`machine-order`), unique in the page. */
  name: string
  title: string
  text: string
  /** False past Mermaid's limits: the page says so instead of drawing it. */
  drawable: boolean
}

/** One position in a counterexample: 0 is the initial state, k the state after the k-th step. */
interface ViewerStep {
  label: string
  /** Mermaid ids of the states current in the finding's diagram (machines). */
  nodes: string[]
  /** The current message of the finding's diagram (flows), counted from 0. */
  message?: number
  /** The current message of the trace diagram. */
  traceMessage?: number
  /** What the step changed: `users[1].password: "a" → "b"`. */
  changed: string[]
}

export interface ViewerFinding {
  /** `f1`, `f2`, … in the check's order. */
  id: string
  severity: Diagnostic['severity']
  rule: string
  element: string
  message: string
  /** The diagram the element is drawn in, and the node or message there where known. */
  diagram?: string
  node?: string
  messageIndex?: number
  /** The diagram of its counterexample, when it has one. */
  traceDiagram?: string
  steps?: ViewerStep[]
}

export interface ViewerData {
  diagrams: ViewerDiagram[]
  findings: ViewerFinding[]
}

interface Place {
  diagram?: string
  node?: string
  messageIndex?: number
  /** The machine's state path → node, for playback. */
  machine?: boolean
  /** A flow: a trace step is a step of it. */
  flow?: boolean
}

export function viewerData(
  model: Model,
  diagnostics: readonly Diagnostic[],
  diagrams: readonly NamedDiagram[],
): ViewerData {
  const byName = new Map(diagrams.map((named) => [named.name, named.diagram.text]))
  const titles = diagramTitles(model, diagnostics)
  const viewerDiagrams = diagrams.map(({ name, diagram }) => ({
    name,
    title: titles.get(name) ?? name,
    text: diagram.text,
    drawable: fitsMermaidLimits(diagram),
  }))
  const place = placer(model, byName)
  let traced = 0
  const findings = diagnostics.map((diagnostic, index): ViewerFinding => {
    const { machine, flow, ...where } = place(diagnostic.element)
    const finding: ViewerFinding = {
      id: `f${index + 1}`,
      severity: diagnostic.severity,
      rule: diagnostic.rule,
      element: diagnostic.element,
      message: diagnostic.message,
      ...where,
    }
    if (diagnostic.trace === undefined) return finding
    traced++
    const traceDiagram = byName.has(`trace-${traced}`) ? `trace-${traced}` : undefined
    const text = where.diagram === undefined ? undefined : byName.get(where.diagram)
    const steps = playback(diagnostic.initial, diagnostic.trace, {
      machineText: machine === true ? text : undefined,
      flowMessages: flow === true && text !== undefined ? stepMessages(text) : undefined,
      traced: traceDiagram !== undefined,
    })
    return { ...finding, ...(traceDiagram === undefined ? {} : { traceDiagram }), steps }
  })
  return { diagrams: viewerDiagrams, findings }
}

/** A title for each diagram the document names by convention; others keep their name. */
function diagramTitles(model: Model, diagnostics: readonly Diagnostic[]): Map<string, string> {
  const titles = new Map<string, string>([
    ['components', 'Components'],
    ['entities', 'Entities'],
  ])
  const flows = Object.keys(model.flows)
  for (const [index, slug] of distinctSlugs(flows).entries()) titles.set(`flow-${slug}`, `Flow ${flows[index]}`)
  const machines = Object.keys(model.machines)
  for (const [index, slug] of distinctSlugs(machines).entries())
    titles.set(`machine-${slug}`, `Machine ${machines[index]}`)
  for (const view of zoomViews(model, viewSlugs(model))) titles.set(`view-${view.key}`, view.title)
  const traced = diagnostics.filter((diagnostic) => diagnostic.trace !== undefined)
  for (const [index, { rule, element }] of traced.entries())
    titles.set(`trace-${index + 1}`, `Counterexample: ${rule} at ${element}`)
  return titles
}

/** Where in the diagrams an element path is drawn. */
function placer(model: Model, texts: ReadonlyMap<string, string>): (element: string) => Place {
  const flowSlugs = new Map(zip(Object.keys(model.flows), distinctSlugs(Object.keys(model.flows))))
  const machineSlugs = new Map(zip(Object.keys(model.machines), distinctSlugs(Object.keys(model.machines))))
  return (element) => {
    const [section, name, ...rest] = parseElementPath(element) ?? []
    if (typeof name !== 'string') return {}
    if (section === 'machines') {
      const diagram = `machine-${machineSlugs.get(name) ?? name}`
      const text = texts.get(diagram)
      if (text === undefined) return {}
      const path: string[] = []
      for (let index = 0; rest[index] === 'states' && typeof rest[index + 1] === 'string'; index += 2)
        path.push(rest[index + 1] as string)
      const node = stateNodeId(text, path)
      return { diagram, machine: true, ...(node === undefined ? {} : { node }) }
    }
    if (section === 'flows') {
      const diagram = `flow-${flowSlugs.get(name) ?? name}`
      const text = texts.get(diagram)
      if (text === undefined) return {}
      const [steps, step] = rest
      const messageIndex = steps === 'steps' && typeof step === 'number' ? stepMessages(text)[step] : undefined
      return { diagram, flow: true, ...(messageIndex === undefined ? {} : { messageIndex }) }
    }
    if (section === 'components' || section === 'entities') {
      const text = texts.get(section)
      if (text === undefined) return {}
      const node = namedNodeId(text, section === 'components' ? 'c_' : 'e_', name)
      return { diagram: section, ...(node === undefined ? {} : { node }) }
    }
    if ((section === 'contracts' || section === 'zones') && texts.has('components')) return { diagram: 'components' }
    return {}
  }
}

function zip<A, B>(left: readonly A[], right: readonly B[]): Array<[A, B]> {
  return left.map((item, index) => [item, right[index] as B])
}

/** A sequence message line: `p_a->>p_b: …`, `p_b-->>p_a: …` (any arrow). */
const MESSAGE = /^\s*\w+\s*(-{1,2})[>x)]{1,2}[+-]?\s*\w+\s*:/u

/** For each flow step, the index of its message among all the diagram's messages (replies are messages too). */
function stepMessages(text: string): number[] {
  const steps: number[] = []
  let index = 0
  for (const line of text.split('\n')) {
    const match = MESSAGE.exec(line)
    if (match === null) continue
    if (match[1] === '-') steps.push(index)
    index++
  }
  return steps
}

interface PlaybackContext {
  /** The machine's state diagram, where the finding is a machine's. */
  machineText?: string | undefined
  flowMessages?: readonly number[] | undefined
  traced: boolean
}

function playback(initial: unknown, trace: readonly TraceStep[], context: PlaybackContext): ViewerStep[] {
  const states = [initial, ...trace.map((step) => step.state)]
  return states.map((state, index) => {
    const step = index === 0 ? undefined : trace[index - 1]
    const previous = index === 0 ? undefined : states[index - 1]
    const label =
      step === undefined
        ? `Initial state (0 of ${trace.length})`
        : `Step ${index} of ${trace.length}: ${actionText(step)}`
    const flowMessage = index === 0 ? undefined : context.flowMessages?.[index - 1]
    return {
      label,
      nodes: context.machineText === undefined ? [] : currentStates(context.machineText, state),
      ...(flowMessage === undefined ? {} : { message: flowMessage }),
      ...(context.traced && index > 0 ? { traceMessage: index - 1 } : {}),
      changed: index === 0 ? [] : changedFields(previous, state, context.machineText !== undefined),
    }
  })
}

function actionText(step: TraceStep): string {
  const action = step.description ?? step.action
  return Object.keys(step.params).length === 0 ? action : `${action} ${showValue(step.params)}`
}

/** The machine's current leaf states (one per active region) as diagram node ids. */
function currentStates(text: string, state: unknown): string[] {
  const value = isRecord(state) ? state.value : undefined
  return activePaths(value).flatMap((path) => {
    const id = stateNodeId(text, path)
    return id === undefined ? [] : [id]
  })
}

function activePaths(value: unknown): string[][] {
  if (typeof value === 'string') return [[value]]
  if (!isRecord(value)) return []
  return Object.entries(value).flatMap(([key, inner]) => {
    const below = activePaths(inner)
    return below.length === 0 ? [[key]] : below.map((path) => [key, ...path])
  })
}

/** Store fields (or, for a machine, its state and context fields) that differ from the step before. */
function changedFields(before: unknown, after: unknown, machine: boolean): string[] {
  if (!machine) return differences(before, after)
  const from = isRecord(before) ? before : {}
  const to = isRecord(after) ? after : {}
  const moved =
    showValue(from.value) === showValue(to.value) ? [] : [`state: ${showValue(from.value)} → ${showValue(to.value)}`]
  return [
    ...moved,
    ...differences(from.context, to.context).map((line) => `context${line.startsWith('[') ? '' : '.'}${line}`),
  ]
}

function differences(before: unknown, after: unknown): string[] {
  return stateDiff(before, after).map(({ path, model, observed }) => {
    const name = path === '' ? '(whole state)' : path
    return `${name}: ${model === undefined ? '(none)' : showValue(model)} → ${observed === undefined ? '(none)' : showValue(observed)}`
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
