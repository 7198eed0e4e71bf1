/**
 * A machine as a `stateDiagram-v2`: every state declared once, inside the composite that
 * owns it; initial and final states; parallel regions separated by `--`; transitions
 * between siblings inside their composite and every other transition at the top level
 * (Mermaid moves a state into the composite where it is mentioned: mermaid#5290, #2092).
 * Unreachable and deadlock states get a class and a label suffix: Mermaid cannot style
 * a state inside a composite (mermaid#7290), so the suffix is what always shows.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate'
import type { Diagnostic } from '@plumbline/core'
import { diagramText, type MermaidDiagram } from '../diagram.js'
import { IdAllocator } from '../escape/ids.js'
import { mermaidLabel, mermaidInlineLabel } from '../escape/label.js'
import { stateElement, stateMarks, type StateMark } from './marks.js'
import { transitionsOf, type DrawnTransition } from './transitions.js'

const MARK_STYLE: Readonly<Record<StateMark, string>> = {
  unreachable: 'fill:#eeeeee,stroke:#888888,stroke-dasharray:4 4,color:#555555',
  deadlock: 'fill:#ffdddd,stroke:#cc0000,stroke-width:2px,color:#990000',
}

const ANY_STATE = '(any state)'
/** Between the transitions of one note: a note shows on one line (see `mermaidInlineLabel`). */
const NOTE_SEPARATOR = ' · '

type Lines = Array<readonly [number, string]>

/** `diagnostics`: the latest check's, to mark unreachable and deadlock states. */
export function stateDiagram(
  machineId: string,
  machine: AnyStateMachine,
  diagnostics: readonly Diagnostic[] = [],
): MermaidDiagram {
  return new StateDiagramWriter(machineId, machine, stateMarks(diagnostics)).write()
}

class StateDiagramWriter {
  private readonly ids = new IdAllocator('s_', namesAPseudoState)
  /** Transitions to draw inside each composite (by its node), and at the top level (`undefined`). */
  private readonly transitionsByBlock = new Map<AnyStateNode | undefined, DrawnTransition[]>()
  /** Transitions drawn as a note on their source (see `place`); one note a state, as Mermaid keeps one. */
  private readonly notes = new Map<AnyStateNode, string[]>()
  private readonly marked = new Map<StateMark, string[]>()
  private edges = 0

  constructor(
    private readonly machineId: string,
    private readonly machine: AnyStateMachine,
    private readonly marks: ReadonlyMap<string, StateMark>,
  ) {}

  write(): MermaidDiagram {
    const root = this.machine.root
    // A parallel machine is drawn as one composite, so its regions have a place to be separated.
    const topNodes = root.type === 'parallel' ? [root] : children(root)
    // Transitions on the machine itself leave any state: drawn from a pseudo-state saying so.
    const fromAnyState = root.type === 'parallel' ? [] : transitionsOf(root)
    for (const node of allNodes(topNodes)) for (const transition of transitionsOf(node)) this.place(transition)
    for (const transition of fromAnyState) this.place(transition)

    const lines: Lines = [[0, 'stateDiagram-v2']]
    for (const node of topNodes) lines.push(...this.declare(node, 1))
    if (fromAnyState.length > 0) lines.push([1, `state "${mermaidInlineLabel(ANY_STATE)}" as ${this.idOf(root)}`])
    if (root.type === 'parallel') {
      lines.push([1, `[*] --> ${this.idOf(root)}`])
      this.edges++
    } else lines.push(...this.pseudoStates(root, 1))
    lines.push(...this.transitionLines(undefined, 1))
    for (const [mark, ids] of this.marked)
      lines.push([1, `classDef ${mark} ${MARK_STYLE[mark]}`], [1, `class ${ids.join(',')} ${mark}`])
    return { text: diagramText(lines), edges: this.edges }
  }

  /**
   * Sibling transitions go inside their composite; the rest at the top (see the module
   * comment). An edge between a composite and a state inside it (itself included) does not
   * lay out (mermaid#4866, and dagre's edges into a cluster it leaves): it becomes a note.
   */
  private place(transition: DrawnTransition): void {
    const { source, target } = transition
    const nested = source !== target && (isAncestor(source, target) || isAncestor(target, source))
    const compositeLoop = source === target && children(source).length > 0
    if (!this.isAnyState(source) && (nested || compositeLoop)) {
      const text = source === target ? `↻ ${transition.label}` : `${transition.label} → ${this.nameOf(target)}`
      this.notes.set(source, [...(this.notes.get(source) ?? []), text])
      return
    }
    const owner = this.blockOf(source)
    const block = owner === this.blockOf(target) && owner?.type !== 'parallel' ? owner : undefined
    const list = this.transitionsByBlock.get(block) ?? []
    list.push(transition)
    this.transitionsByBlock.set(block, list)
  }

  /** The composite a node is declared in; `undefined` for the top level. */
  private blockOf(node: AnyStateNode): AnyStateNode | undefined {
    const parent = node.parent
    if (parent === undefined || (parent === this.machine.root && parent.type !== 'parallel')) return undefined
    return parent
  }

  private declare(node: AnyStateNode, depth: number): Lines {
    const id = this.idOf(node)
    const mark = this.marks.get(stateElement(this.machineId, node.path))
    if (mark !== undefined) this.marked.set(mark, [...(this.marked.get(mark) ?? []), id])
    const label = mermaidInlineLabel(
      `${this.nameOf(node)}${node.type === 'history' ? ' (history)' : ''}${mark === undefined ? '' : ` (${mark})`}`,
    )
    const lines: Lines = []
    const inner = children(node)
    if (inner.length === 0) lines.push([depth, `state "${label}" as ${id}`])
    else {
      lines.push([depth, `state "${label}" as ${id} {`])
      if (node.type === 'parallel')
        inner.forEach((region, index) => {
          if (index > 0) lines.push([depth + 1, '--'])
          lines.push(...this.declare(region, depth + 1))
        })
      else {
        for (const child of inner) lines.push(...this.declare(child, depth + 1))
        lines.push(...this.pseudoStates(node, depth + 1), ...this.transitionLines(node, depth + 1))
      }
      lines.push([depth, '}'])
    }
    const notes = this.notes.get(node)
    if (notes !== undefined) lines.push([depth, `note right of ${id} : ${stateNoteText(notes.join(NOTE_SEPARATOR))}`])
    return lines
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

  private transitionLines(block: AnyStateNode | undefined, depth: number): Lines {
    const transitions = this.transitionsByBlock.get(block) ?? []
    this.edges += transitions.length
    return transitions.map(({ source, target, label }) => [
      depth,
      `${this.idOf(source)} --> ${this.idOf(target)} : ${mermaidLabel(label)}`,
    ])
  }

  /** The machine's root, drawn as the "any state" pseudo-state (unless it is parallel). */
  private isAnyState(node: AnyStateNode): boolean {
    return node === this.machine.root && node.type !== 'parallel'
  }

  private nameOf(node: AnyStateNode): string {
    return node === this.machine.root ? this.machineId : node.key
  }

  private idOf(node: AnyStateNode): string {
    if (node !== this.machine.root) return this.ids.idFor(node.path.join('\u0000'), node.path.join('_'))
    // The root is drawn as a composite when parallel, else as the "any state" pseudo-state.
    return this.ids.idFor('', node.type === 'parallel' ? this.machineId : 'any_state')
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

function isAncestor(ancestor: AnyStateNode, node: AnyStateNode): boolean {
  for (let parent = node.parent; parent !== undefined; parent = parent.parent) if (parent === ancestor) return true
  return false
}

function allNodes(nodes: readonly AnyStateNode[]): AnyStateNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(children(node))])
}

/** Note text: a state label, and `end note` anywhere in it would end the note (mermaid#7089). */
function stateNoteText(text: string): string {
  return mermaidInlineLabel(text).replace(/(end) (note)/giu, '$1#32;$2')
}
