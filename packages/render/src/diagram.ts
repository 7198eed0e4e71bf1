/** What every emitter returns: Mermaid text (no code fence) and what counts against Mermaid's limits. */
export interface MermaidDiagram {
  text: string
  /** Edges, transitions or messages: what Mermaid's `maxEdges` counts. */
  edges: number
}

/**
 * Limits GitHub and GitLab enforce and a diagram cannot lift (secure config keys):
 * a diagram past either is refused there, so documents summarise it instead.
 */
export const MERMAID_LIMITS = { maxTextSize: 50_000, maxEdges: 500 } as const

export function fitsMermaidLimits(diagram: MermaidDiagram): boolean {
  return diagram.text.length <= MERMAID_LIMITS.maxTextSize && diagram.edges <= MERMAID_LIMITS.maxEdges
}

/** Joins diagram lines; each line is given with its indentation depth. */
export function diagramText(lines: ReadonlyArray<readonly [depth: number, line: string]>): string {
  return `${lines.map(([depth, line]) => `${'  '.repeat(depth)}${line}`).join('\n')}\n`
}
