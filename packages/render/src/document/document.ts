/**
 * One Markdown document per system: title and description, the component diagram (for a
 * model that nests its elements, a view per zoom level instead), a deployment diagram per
 * environment, the entity diagram, a section per flow and per machine, the decisions, the open questions,
 * what is out of scope, and the check summary. Each section is also a named block for
 * marker injection (`<!-- plumbline:accounts/components -->`); `<system>` is the whole.
 */
import { isNested, type Model, type SystemCheck } from '@plumbline/core'
import { componentDiagram } from '../component/component-diagram.js'
import type { MermaidDiagram } from '../diagram.js'
import { entityDiagram } from '../entity/entity-diagram.js'
import { markdownText } from '../escape/markdown.js'
import { flowDiagram } from '../sequence/flow-diagram.js'
import { deploymentDiagram } from '../views/deployment-diagram.js'
import { viewDiagram } from '../views/view-diagram.js'
import { viewSlugs, zoomViews } from '../views/zoom-levels.js'
import type { StateDiagramOptions } from '../state/state-diagram.js'
import type { SplitLimits } from '../state/state-diagram-parts.js'
import { machineDiagrams } from './machine-diagrams.js'
import { checkSummary } from './check-summary.js'
import { decisionsTable, openQuestions, outOfScope } from './decisions.js'
import { distinctSlugs } from './file-names.js'
import { generatedMarker } from './generated-marker.js'
import { heading, mermaidBlock, paragraphs, type Draw } from './markdown-blocks.js'

export interface DocumentInput {
  model: Model
  check: Pick<SystemCheck, 'diagnostics' | 'questions' | 'exploration'>
  /** The model file as the user names it, for the "generated from" line. */
  source: string
  /** How machines are drawn: `detail` (entry/exit actions, tags, descriptions), and the limits above which one is drawn in parts. */
  machines?: StateDiagramOptions & { limits?: Partial<SplitLimits> }
}

export interface NamedDiagram {
  /** Unique within the document, usable as a file name: `components`, `flow-signUp`, … */
  name: string
  diagram: MermaidDiagram
}

export interface RenderedDocument {
  markdown: string
  /** Every diagram the document draws, in order (for SVG files). */
  diagrams: NamedDiagram[]
  /** Injectable blocks by name: the system's name, and `<system>/<section>` for each section. */
  blocks: Map<string, string>
}

interface Section {
  /** The block name after `<system>/`. */
  key: string
  title: string
  body: string
  subsections?: Section[]
}

export function renderDocument({ model, check, source, machines = {} }: DocumentInput): RenderedDocument {
  const diagrams: NamedDiagram[] = []
  const draw: Draw = (name, diagram, what) => {
    diagrams.push({ name, diagram })
    return mermaidBlock(diagram, what)
  }
  const flowSlugs = distinctSlugs(Object.keys(model.flows))
  const machineSlugs = distinctSlugs(Object.keys(model.machines))
  const environmentSlugs = distinctSlugs(Object.keys(model.deployment))
  const sections: Section[] = [
    // A model that nests its elements is drawn at each of its zoom levels instead of in one flat diagram.
    ...(Object.keys(model.components).length === 0 || isNested(model)
      ? []
      : [
          {
            key: 'components',
            title: 'Components',
            body: draw('components', componentDiagram(model), 'The component diagram'),
          },
        ]),
    ...(isNested(model)
      ? group('Views', 'views', zoomViews(model, viewSlugs(model)), (view) => ({
          key: `views/${view.key}`,
          title: view.title,
          body: draw(`view-${view.key}`, viewDiagram(model, view), `The view ${view.title}`),
        }))
      : []),
    ...group('Deployment', 'deployment', Object.entries(model.deployment), ([environment, definition], index) => ({
      key: `deployment/${environment}`,
      title: environment,
      body: paragraphs(
        definition.description === undefined ? undefined : markdownText(definition.description),
        draw(
          `deployment-${environmentSlugs[index]}`,
          deploymentDiagram(model, definition),
          `The deployment diagram of ${environment}`,
        ),
      ),
    })),
    ...(Object.keys(model.entities).length === 0
      ? []
      : [{ key: 'entities', title: 'Entities', body: draw('entities', entityDiagram(model), 'The entity diagram') }]),
    ...group('Flows', 'flows', Object.entries(model.flows), ([id, flow], index) => ({
      key: `flows/${id}`,
      title: id,
      body: paragraphs(
        flow.description === undefined ? undefined : markdownText(flow.description),
        draw(`flow-${flowSlugs[index]}`, flowDiagram(model, flow), `The sequence diagram of flow ${id}`),
      ),
    })),
    ...group('Machines', 'machines', Object.entries(model.machines), ([id, entry], index) => ({
      key: `machines/${id}`,
      title: id,
      body: paragraphs(
        entry.description === undefined ? undefined : markdownText(entry.description),
        machineDiagrams(id, `machine-${machineSlugs[index]}`, entry.machine, check.diagnostics, machines, draw),
      ),
    })),
    { key: 'decisions', title: 'Decisions', body: decisionsTable(model) },
    { key: 'questions', title: 'Open questions', body: openQuestions(check.questions) },
    ...optional({ key: 'out-of-scope', title: 'Out of scope', body: outOfScope(model) }),
    { key: 'check', title: 'Check', body: checkSummary(model, check, 3, draw) },
  ]

  const markdown = `${paragraphs(generatedMarker(source), heading(1, model.name), model.description === undefined ? undefined : markdownText(model.description), ...sections.map((section) => sectionText(section, 2)))}\n`
  const blocks = new Map<string, string>([[model.name, markdown]])
  for (const section of sections.flatMap((section) => [section, ...(section.subsections ?? [])]))
    blocks.set(`${model.name}/${section.key}`, `${sectionBody(section, 3)}\n`)
  return { markdown, diagrams, blocks }
}

function group<T>(
  title: string,
  key: string,
  entries: readonly T[],
  section: (entry: T, index: number) => Section,
): Section[] {
  if (entries.length === 0) return []
  const subsections = entries.map(section)
  return [{ key, title, body: '', subsections }]
}

function optional(section: { key: string; title: string; body: string | undefined }): Section[] {
  return section.body === undefined ? [] : [{ ...section, body: section.body }]
}

function sectionText(section: Section, level: number): string {
  return paragraphs(heading(level, section.title), sectionBody(section, level + 1))
}

function sectionBody(section: Section, subsectionLevel: number): string {
  return paragraphs(
    section.body,
    ...(section.subsections ?? []).map((subsection) => sectionText(subsection, subsectionLevel)),
  )
}
