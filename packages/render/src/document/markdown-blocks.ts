/** Pieces every section of a document is made of. */
import { fitsMermaidLimits, MERMAID_LIMITS, type MermaidDiagram } from '../diagram.js'
import { markdownText } from '../escape/markdown.js'

/** Puts a diagram in the document (and in its list of diagrams, under `name`); returns the Markdown. */
export type Draw = (name: string, diagram: MermaidDiagram, what: string) => string

/** A diagram in a ```mermaid fence, or, past what GitHub and GitLab draw, a sentence saying so. */
export function mermaidBlock(diagram: MermaidDiagram, what: string): string {
  if (fitsMermaidLimits(diagram)) return `\`\`\`mermaid\n${diagram.text}\`\`\``
  return markdownText(
    `${what} is not drawn: it has ${diagram.edges} edges and ${diagram.text.length} characters of Mermaid, ` +
      `and GitHub and GitLab draw at most ${MERMAID_LIMITS.maxEdges} edges and ${MERMAID_LIMITS.maxTextSize} characters.`,
  )
}

export function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${markdownText(text)}`
}

export function paragraphs(...blocks: ReadonlyArray<string | undefined>): string {
  return blocks.filter((block): block is string => block !== undefined && block !== '').join('\n\n')
}

export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n')
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
