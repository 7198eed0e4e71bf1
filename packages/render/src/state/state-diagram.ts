/**
 * A machine as a `stateDiagram-v2`: every state declared once, inside the composite that
 * owns it; initial and final states; parallel regions separated by `--`; history states;
 * transitions between siblings inside their composite and every other transition at the
 * top level (Mermaid moves a state into the composite where it is mentioned: mermaid#5290,
 * #2092). Every transition with a target is an edge (see `edgeEnds` for those Mermaid
 * cannot lay out as they are); one without a target stays in its state and is written in
 * the state, as its invoked actors are: a leaf's description lines, a composite's label
 * (Mermaid gives a composite no description: mermaid#1493). Unreachable and deadlock states get a
 * class and a label suffix: Mermaid cannot style a state inside a composite (mermaid#7290),
 * so the suffix is what always shows.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate'
import { invokesOf, type Diagnostic } from '@plumbline/core'
import { diagramText, type MermaidDiagram } from '../diagram.js'
import { IdAllocator } from '../escape/ids.js'
import { mermaidLabel, mermaidInlineLabel } from '../escape/label.js'
import { edgeEnds, isLeaf } from './edge-ends.js'
import { historyDefault } from './history.js'
import { stateDetails } from './state-details.js'
import { stateElement, stateMarks, type StateMark } from './marks.js'
import { transitionsOf } from './transitions.js'

const MARK_STYLE: Readonly<Record<StateMark, string>> = {
  unreachable: 'fill:#eeeeee,stroke:#888888,stroke-dasharray:4 4,color:#555555',
  deadlock: 'fill:#ffdddd,stroke:#cc0000,stroke-width:2px,color:#990000',
}

/** Between the parts of one note or one composite's label: both show on one line (see `mermaidInlineLabel`). */
const SEPARATOR = ' · '

export interface StateDiagramOptions {
  /** Also show each state's entry and exit actions, tags and description. */
  detail?: boolean
}

type Lines = Array<readonly [number, string]>

interface Edge {
  from: AnyStateNode
  to: AnyStateNode
  label: string
}

/** `diagnostics`: the latest check's, to mark unreachable and deadlock states. */
export function stateDiagram(
  machineId: string,
  machine: AnyStateMachine,
  diagnostics: readonly Diagnostic[] = [],
  options: StateDiagramOptions = {},
): MermaidDiagram {
  return new StateDiagramWriter(machineId, machine, stateMarks(diagnostics), options.detail ?? false).write()
}

/**
 * One part of a machine drawn in parts (`state-diagram-parts.ts`): `scope` the machine's
 * root for the overview of its top-level states, else a composite state, drawn with its
 * own states; states inside those are drawn collapsed, and states outside the composite
 * that its transitions come from or go to are drawn by their path, marked outside.
 */
export function stateDiagramPart(
  machineId: string,
  machine: AnyStateMachine,
  scope: AnyStateNode,
  diagnostics: readonly Diagnostic[] = [],
  options: StateDiagramOptions = {},
): MermaidDiagram {
  return new StateDiagramWriter(machineId, machine, stateMarks(diagnostics), options.detail ?? false, scope).write()
}

class StateDiagramWriter {
  private readonly ids = new IdAllocator('s_', namesAPseudoState)
  /** Edges to draw inside each composite (by its node), and at the top level (`undefined`). */
  private readonly edgesByBlock = new Map<AnyStateNode | undefined, Edge[]>()
  /** Labels of the transitions that stay in their state, by state. */
  private readonly stays = new Map<AnyStateNode, string[]>()
  private readonly marked = new Map<StateMark, string[]>()
  private edges = 0

  constructor(
    private readonly machineId: string,
    private readonly machine: AnyStateMachine,
    private readonly marks: ReadonlyMap<string, StateMark>,
    private readonly detail: boolean,
    /** Drawing one part (see `stateDiagramPart`); `undefined` for the whole machine. */
    private readonly scope?: AnyStateNode,
  ) {}

  /** States outside the part's composite that its edges reach, drawn at the top level. */
  private readonly outside = new Set<AnyStateNode>()

  write(): MermaidDiagram {
    const root = this.machine.root
    // A parallel machine is drawn as one composite, so its regions have a place to be separated.
    const inPart = this.scope !== undefined && this.scope !== root
    const topNodes = inPart && this.scope ? [this.scope] : root.type === 'parallel' ? [root] : children(root)
    for (const node of [...allNodes(children(root)), root]) {
      for (const { source, target, label } of transitionsOf(node))
        if (target === undefined) this.stays.set(source, [...(this.stays.get(source) ?? []), label])
        else this.placeEdges(source, target, label)
      const defaultTarget = node.type === 'history' ? historyDefault(node) : undefined
      if (defaultTarget !== undefined) this.placeEdges(node, defaultTarget, '')
    }

    const lines: Lines = [[0, 'stateDiagram-v2']]
    for (const node of topNodes) lines.push(...this.declare(node, 1))
    for (const node of this.outside)
      lines.push([1, `state "${mermaidInlineLabel(`${node.path.join('.')} (outside)`)}" as ${this.idOf(node)}`])
    // A part's composite is entered from the states outside it, drawn there; the machine from its start.
    if (!inPart && root.type === 'parallel') {
      lines.push([1, `[*] --> ${this.idOf(root)}`])
      this.edges++
    } else if (!inPart) lines.push(...this.machineNote(root), ...this.pseudoStates(root, 1))
    lines.push(...this.edgeLines(undefined, 1))
    for (const [mark, ids] of this.marked)
      lines.push([1, `classDef ${mark} ${MARK_STYLE[mark]}`], [1, `class ${ids.join(',')} ${mark}`])
    return { text: diagramText(lines), edges: this.edges }
  }

  /** Sibling edges go inside their composite; the rest at the top (see the module comment). */
  private placeEdges(source: AnyStateNode, target: AnyStateNode, label: string): void {
    for (const ends of edgeEnds(source, target, (node) => this.nameOf(node))) {
      const from = this.shownAs(ends.from)
      const to = this.shownAs(ends.to)
      const { note } = ends
      // In a part: an edge inside one collapsed state, or between two states outside the part, is not its to draw.
      if (from === undefined || to === undefined || (from === to && ends.from !== ends.to)) continue
      const fromOutside = !this.inScope(from)
      const toOutside = !this.inScope(to)
      if (fromOutside && toOutside) continue
      if (fromOutside) this.outside.add(from)
      if (toOutside) this.outside.add(to)
      const owner = this.blockOf(from)
      const block = owner === this.blockOf(to) && owner?.type !== 'parallel' ? owner : undefined
      const text = note === undefined ? label : label === '' ? note : `${label} (${note})`
      this.edgesByBlock.set(block, [...(this.edgesByBlock.get(block) ?? []), { from, to, label: text }])
    }
  }

  /**
   * The state an edge end is drawn as: itself for the whole machine; in a part, the state of
   * the part that holds it, or (outside the part's composite) the state itself, marked outside.
   */
  private shownAs(node: AnyStateNode): AnyStateNode | undefined {
    const scope = this.scope
    if (scope === undefined || node === scope) return node
    for (let current: AnyStateNode | undefined = node; current !== undefined; current = current.parent)
      if (current.parent === scope) return current
    return scope === this.machine.root ? undefined : node
  }

  /** Whether a state is the part's composite or inside it (always, drawing the whole machine). */
  private inScope(node: AnyStateNode): boolean {
    for (let current: AnyStateNode | undefined = node; current !== undefined; current = current.parent)
      if (current === this.scope) return true
    return this.scope === undefined
  }

  /** Drawn without its states: a leaf, or in a part, any state but the part's composite. */
  private drawnAsLeaf(node: AnyStateNode): boolean {
    return isLeaf(node) || (this.scope !== undefined && node !== this.scope)
  }

  /** The composite a node is declared in; `undefined` for the top level. */
  private blockOf(node: AnyStateNode): AnyStateNode | undefined {
    if (this.outside.has(node)) return undefined
    const parent = node.parent
    if (parent === undefined || (parent === this.machine.root && parent.type !== 'parallel')) return undefined
    return parent
  }

  private declare(node: AnyStateNode, depth: number): Lines {
    const id = this.idOf(node)
    const mark = this.markOf(node)
    if (mark !== undefined) this.marked.set(mark, [...(this.marked.get(mark) ?? []), id])
    const stays = this.stays.get(node) ?? []
    const details = [
      ...invokesOf(node).map(({ name }) => `invokes ${name}`),
      ...(stays.length === 0 ? [] : [`stays on ${stays.join(SEPARATOR)}`]),
      ...(this.detail ? stateDetails(node) : []),
      ...(isLeaf(node) || !this.drawnAsLeaf(node) ? [] : ['its states: in its own diagram']),
    ]
    const lines: Lines = []
    if (this.drawnAsLeaf(node)) {
      lines.push([depth, `state "${mermaidInlineLabel(this.stateLabel(node, mark))}" as ${id}`])
      // A leaf's description lines show inside its box, under its name.
      for (const line of details) lines.push([depth, `${id} : ${mermaidInlineLabel(line)}`])
    } else {
      // A composite cannot have description lines (mermaid#1493): its label says them.
      const label = [this.stateLabel(node, mark), ...details].join(SEPARATOR)
      lines.push([depth, `state "${mermaidInlineLabel(label)}" as ${id} {`])
      if (node.type === 'parallel')
        children(node).forEach((region, index) => {
          if (index > 0) lines.push([depth + 1, '--'])
          lines.push(...this.declare(region, depth + 1))
        })
      else {
        for (const child of children(node)) lines.push(...this.declare(child, depth + 1))
        lines.push(...this.pseudoStates(node, depth + 1), ...this.edgeLines(node, depth + 1))
      }
      lines.push([depth, '}'])
    }
    return lines
  }

  private stateLabel(node: AnyStateNode, mark: StateMark | undefined): string {
    if (node.type === 'history') return node.history === 'deep' ? 'H*' : 'H'
    return `${this.nameOf(node)}${mark === undefined ? '' : ` (${mark})`}`
  }

  /**
   * The check's mark on a state. A final state inside a composite without `onDone` is not
   * marked deadlocked as well: its `[*]` already says nothing follows it.
   */
  private markOf(node: AnyStateNode): StateMark | undefined {
    const mark = this.marks.get(stateElement(this.machineId, node.path))
    return mark === 'deadlock' && node.type === 'final' ? undefined : mark
  }

  /** The machine's own transitions that stay in the state: in a note on the state it starts in. */
  private machineNote(root: AnyStateNode): Lines {
    const stays = this.stays.get(root)
    const first = root.initial?.target?.[0]
    if (stays === undefined || first === undefined) return []
    return [
      [1, `note left of ${this.idOf(first)} : ${stateNoteText(`in every state, stays on ${stays.join(SEPARATOR)}`)}`],
    ]
  }

  /** `[*] --> initial` and `final --> [*]` of a compound state (or of the machine). */
  private pseudoStates(node: AnyStateNode, depth: number): Lines {
    const lines: Lines = []
    for (const initial of node.initial?.target ?? [])
      if (initial.parent === node) lines.push([depth, `[*] --> ${this.idOf(initial)}`])
    for (const child of children(node)) if (child.type === 'final') lines.push([depth, `${this.idOf(child)} --> [*]`])
    this.edges += lines.length
    return lines
  }

  /**
   * Edges between the same two states are drawn as one, a label a line: Mermaid 11 draws
   * self-loops of one state on top of each other, hiding all labels but one.
   */
  private edgeLines(block: AnyStateNode | undefined, depth: number): Lines {
    const merged = new Map<string, Edge>()
    for (const edge of this.edgesByBlock.get(block) ?? []) {
      const key = `${this.idOf(edge.from)} --> ${this.idOf(edge.to)}`
      const known = merged.get(key)
      if (known === undefined) merged.set(key, { ...edge })
      else if (edge.label !== '') known.label = known.label === '' ? edge.label : `${known.label}\n${edge.label}`
    }
    this.edges += merged.size
    return [...merged].map(([key, { label }]) => [depth, `${key}${label === '' ? '' : ` : ${mermaidLabel(label)}`}`])
  }

  private nameOf(node: AnyStateNode): string {
    return node === this.machine.root ? this.machineId : node.key
  }

  private idOf(node: AnyStateNode): string {
    if (node !== this.machine.root) return this.ids.idFor(node.path.join('\u0000'), node.path.join('_'))
    return this.ids.idFor('', this.machineId)
  }
}

/**
 * Mermaid names the start and end pseudo-states of a composite `<id>_start` and
 * `<id>_end`: an id of ours ending that way could meet one of them.
 */
function namesAPseudoState(id: string): boolean {
  return id.endsWith('_start') || id.endsWith('_end')
}

function children(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states)
}

function allNodes(nodes: readonly AnyStateNode[]): AnyStateNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(children(node))])
}

/** Note text: a state label, and `end note` anywhere in it would end the note (mermaid#7089). */
function stateNoteText(text: string): string {
  return mermaidInlineLabel(text).replace(/(end) (note)/giu, '$1#32;$2')
}
