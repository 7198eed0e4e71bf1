/**
 * Test support: Mermaid's own parsers (11, and 10 through the `mermaid10` alias) run in
 * Node, and the parsed diagrams' data read back as the text a reader would see. Mermaid
 * builds its DOMPurify (and reads `window`, `Option`) when its modules load, so a jsdom
 * window is put in place before they are imported (MERMAID-NOTES.md, "Validating text").
 */
import { JSDOM } from 'jsdom'

export type MermaidVersion = 10 | 11

interface MermaidApi {
  parse(text: string): Promise<unknown>
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: any; type: string }> }
}

const window = new JSDOM('').window
Object.assign(globalThis, { window, Option: window.Option })
const mermaid: Record<MermaidVersion, MermaidApi> = {
  11: (await import('mermaid')).default as unknown as MermaidApi,
  10: (await import('mermaid10')).default as unknown as MermaidApi,
}

/** Parses with Mermaid's parser (throws its parse error) and returns the diagram's db. */
export async function parseDiagram(version: MermaidVersion, text: string): Promise<{ type: string; db: any }> {
  await mermaid[version].parse(text)
  return mermaid[version].mermaidAPI.getDiagramFromText(text)
}

/**
 * Text as Mermaid displays it: it hides entity codes while parsing (`#59;` becomes
 * `ﬂ°°59¶ß`) and decodes them when drawing; `<br>` is a line break. Word joiners are
 * invisible (the escaping puts one inside `ﬂ°` and `¶ß`), so a reader does not see them.
 */
function displayed(text: string | undefined): string {
  // Line breaks first: a `<br>` the user wrote arrives encoded, and must stay text.
  return withoutWordJoiners(
    (text ?? '')
      .replace(/<br\s*\/?>/gu, '\n')
      .replace(/ﬂ°°(\d+)¶ß/gu, (_, code: string) => String.fromCodePoint(Number(code))),
  )
}

export function withoutWordJoiners(text: string): string {
  return text.replaceAll('\u2060', '')
}

interface ParsedState {
  id: string
  label: string
  /** The description lines under the label (`id : text`). */
  lines: string[]
  parent: string | undefined
  composite: boolean
  classes: string[]
}
interface ParsedTransition {
  from: string
  to: string
  label: string
}
export interface ParsedStateDiagram {
  states: ParsedState[]
  transitions: ParsedTransition[]
  notes: { of: string; text: string }[]
}

/** A state diagram as the layout sees it: every state with its parent, every transition. */
export async function parseStateDiagram(version: MermaidVersion, text: string): Promise<ParsedStateDiagram> {
  const { db } = await parseDiagram(version, text)
  return version === 11 ? stateData11(db) : stateData10(db)
}

function stateData11(db: any): ParsedStateDiagram {
  db.extract(db.getRootDocV2())
  const { nodes, edges } = db.getData() as { nodes: any[]; edges: any[] }
  const result: ParsedStateDiagram = { states: [], transitions: [], notes: [] }
  for (const node of nodes) {
    if (node.shape === 'note')
      result.notes.push({ of: String(node.id).split('----')[0] ?? '', text: displayed(node.label) })
    if (node.shape === 'noteGroup' || node.shape === 'note') continue
    const label = displayed(node.label)
    const lines = (Array.isArray(node.description) ? (node.description as string[]) : []).map(displayed)
    result.states.push({
      id: node.id,
      label,
      lines: lines[0] === label ? lines.slice(1) : lines,
      parent: node.parentId,
      composite: node.isGroup === true,
      classes: String(node.cssClasses ?? '')
        .split(/\s+/u)
        .filter((name) => name !== '' && !name.startsWith('statediagram')),
    })
  }
  for (const edge of edges)
    if (!String(edge.end).includes('----note'))
      result.transitions.push({ from: edge.start, to: edge.end, label: displayed(edge.label) })
  return result
}

/** Mermaid 10 keeps the parsed document tree; its renderer lays out exactly that tree. */
function stateData10(db: any): ParsedStateDiagram {
  const result: ParsedStateDiagram = { states: [], transitions: [], notes: [] }
  const seen = new Map<string, ParsedState>()
  const classes = new Map<string, string[]>()
  const visit = (doc: any[], parent: string | undefined): void => {
    for (const statement of doc) {
      if (statement.stmt === 'applyClass')
        for (const id of String(statement.id).split(','))
          classes.set(id.trim(), [...(classes.get(id.trim()) ?? []), statement.styleClass])
      if (statement.stmt === 'relation') {
        for (const end of [statement.state1, statement.state2]) declare(end, parent)
        result.transitions.push({
          from: statement.state1.id,
          to: statement.state2.id,
          label: displayed(statement.description),
        })
      }
      if (statement.stmt !== 'state') continue
      if (statement.type === 'divider') {
        visit(statement.doc ?? [], parent)
        continue
      }
      declare(statement, parent)
      if (statement.note) result.notes.push({ of: statement.id, text: displayed(statement.note.text) })
      if (statement.doc) visit(statement.doc, statement.id)
    }
  }
  const declare = (statement: any, parent: string | undefined): void => {
    const known = seen.get(statement.id)
    if (known) {
      // The first description is the label (`state "L" as id`), later ones are lines (`id : text`).
      if (statement.description) known.lines.push(displayed(statement.description))
      if (statement.doc) known.composite = true
      return
    }
    const state: ParsedState = {
      id: statement.id,
      label: displayed(statement.description || statement.id),
      lines: [],
      parent,
      composite: statement.doc !== undefined,
      classes: [],
    }
    seen.set(statement.id, state)
    result.states.push(state)
  }
  visit(db.getRootDocV2().doc, undefined)
  for (const state of result.states) state.classes = classes.get(state.id) ?? []
  return result
}

export interface ParsedSequence {
  participants: { id: string; label: string; type: string; box: string | undefined }[]
  /** Messages, notes and block starts in order, as `kind from→to: text`. */
  lines: string[]
}

const SEQUENCE_LINE: Record<number, string> = {
  0: 'message',
  1: 'reply',
  2: 'note',
  10: 'loop',
  11: 'end',
  12: 'alt',
  13: 'else',
  14: 'end',
  15: 'opt',
  16: 'end',
  22: 'rect',
  23: 'end',
  30: 'break',
  31: 'end',
}

export async function parseSequenceDiagram(version: MermaidVersion, text: string): Promise<ParsedSequence> {
  const { db } = await parseDiagram(version, text)
  const actors: Map<string, any> =
    db.getActors() instanceof Map ? db.getActors() : new Map(Object.entries(db.getActors()))
  const participants = [...actors.values()].map((actor) => ({
    id: actor.name as string,
    label: displayed(actor.description),
    type: actor.type as string,
    box: actor.box ? displayed(actor.box.name) : undefined,
  }))
  const lines = (db.getMessages() as any[]).map((message) => {
    const kind = SEQUENCE_LINE[message.type] ?? `type ${message.type}`
    const ends = message.from === undefined ? '' : ` ${message.from}→${message.to}`
    return `${kind}${ends}: ${displayed(message.message)}`
  })
  return { participants, lines }
}

export interface ParsedEntity {
  id: string
  label: string
  attributes: { type: string; name: string; keys: string[]; comment: string }[]
}

export async function parseEntityDiagram(version: MermaidVersion, text: string): Promise<ParsedEntity[]> {
  const { db } = await parseDiagram(version, text)
  const entities: Map<string, any> =
    db.getEntities() instanceof Map ? db.getEntities() : new Map(Object.entries(db.getEntities()))
  return [...entities.entries()].map(([id, entity]) => ({
    id,
    label: displayed(entity.alias || id),
    attributes: (entity.attributes as any[]).map((attribute) => ({
      type: attribute.type ?? attribute.attributeType,
      name: attribute.name ?? attribute.attributeName,
      keys: attribute.keys ?? attribute.attributeKeyTypeList ?? [],
      comment: displayed(attribute.comment ?? attribute.attributeComment),
    })),
  }))
}

export interface ParsedFlowchart {
  nodes: { id: string; label: string; shape: string }[]
  edges: { from: string; to: string; label: string; type: string; stroke: string }[]
  subgraphs: { id: string; label: string; nodes: string[] }[]
}

export async function parseFlowchart(version: MermaidVersion, text: string): Promise<ParsedFlowchart> {
  const { db } = await parseDiagram(version, text)
  const vertices: Map<string, any> =
    db.getVertices() instanceof Map ? db.getVertices() : new Map(Object.entries(db.getVertices()))
  return {
    nodes: [...vertices.values()].map((vertex) => ({
      id: vertex.id,
      label: displayed(vertex.text),
      shape: vertex.type,
    })),
    edges: (db.getEdges() as any[]).map((edge) => ({
      from: edge.start,
      to: edge.end,
      label: displayed(edge.text),
      type: edge.type,
      stroke: edge.stroke,
    })),
    subgraphs: (db.getSubGraphs() as any[]).map((subgraph) => ({
      id: subgraph.id,
      label: displayed(subgraph.title),
      nodes: [...subgraph.nodes],
    })),
  }
}
