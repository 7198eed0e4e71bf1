/**
 * A machine's diagrams in its section: one, or, for a machine drawn in parts, a sentence
 * saying so, the overview, a list of links to the parts, and each part under its own
 * heading (GitHub and GitLab give every heading an anchor).
 */
import type { AnyStateMachine } from 'xstate'
import type { Diagnostic } from '@plumbline/core'
import { markdownText } from '../escape/markdown.js'
import type { StateDiagramOptions } from '../state/state-diagram.js'
import { stateDiagramParts, type SplitLimits } from '../state/state-diagram-parts.js'
import { distinctSlugs } from './file-names.js'
import { bulletList, heading, paragraphs, type Draw } from './markdown-blocks.js'

/** The heading level of a part: below the machine's own (### machine). */
const PART_LEVEL = 4

export function machineDiagrams(
  id: string,
  name: string,
  machine: AnyStateMachine,
  diagnostics: readonly Diagnostic[],
  options: StateDiagramOptions & { limits?: Partial<SplitLimits> },
  draw: Draw,
): string {
  const [overview, ...parts] = stateDiagramParts(id, machine, diagnostics, options)
  if (overview === undefined) return ''
  if (parts.length === 0) return draw(name, overview.diagram, `The state diagram of machine ${id}`)
  const titles = parts.map(({ path }) => `${id}: ${path.join('.')}`)
  // Diagram names become SVG file names: a state's path, made safe for one.
  const slugs = distinctSlugs(parts.map(({ path }) => path.join('.')))
  return paragraphs(
    markdownText(
      `Machine ${id} is too big for one diagram: drawn as an overview of its top-level states, then one diagram per composite state.`,
    ),
    draw(`${name}-overview`, overview.diagram, `The overview of machine ${id}`),
    bulletList(titles.map((title) => `[${markdownText(title)}](#${headingAnchor(title)})`)),
    ...parts.map(({ path, diagram }, index) =>
      paragraphs(
        heading(PART_LEVEL, titles[index] ?? ''),
        draw(`${name}-${slugs[index]}`, diagram, `The diagram of state ${path.join('.')} of machine ${id}`),
      ),
    ),
  )
}

/** The anchor GitHub and GitLab give a heading: lower case, punctuation dropped, spaces as `-`. */
function headingAnchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/gu, '-')
}
