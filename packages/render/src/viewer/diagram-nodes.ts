/**
 * Which Mermaid id a diagram gave a model element, read back from the diagram's own text
 * (the emitters allocate ids as they write, resolving collisions in order): the viewer
 * highlights a state or a component by that id in the drawn SVG, where Mermaid names the
 * node `<svg id>-state-<id>-<n>`, `…-flowchart-<id>-<n>` or `…-entity-<id>-<n>`.
 */

/** `state "Label" as s_id`, optionally opening a composite. */
const STATE_DECLARATION = /^\s*state "([^"]*)" as (\w+)(\s*\{)?\s*$/u
const BLOCK_END = /^\s*\}\s*$/u
const WORD_JOINER = /\u2060/gu

/** A label as Mermaid displays it: entity codes decoded, `<br>` a line break. */
function displayedLabel(label: string): string {
  return label
    .replace(/<br>/gu, '\n')
    .replace(/#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(WORD_JOINER, '')
}

/** A label names a key when it is the key, or the key with a mark after it: `idle (unreachable)`. */
function names(label: string, key: string): boolean {
  return label === key || label.startsWith(`${key} (`)
}

interface StateDeclaration {
  id: string
  /** The labels of its composites, outermost first, then its own. */
  chain: string[]
}

function stateDeclarations(text: string): StateDeclaration[] {
  const declarations: StateDeclaration[] = []
  const open: string[] = []
  for (const line of text.split('\n')) {
    if (BLOCK_END.test(line)) {
      open.pop()
      continue
    }
    const match = STATE_DECLARATION.exec(line)
    if (match === null) continue
    const [, label = '', id = '', opens] = match
    const shown = displayedLabel(label)
    declarations.push({ id, chain: [...open, shown] })
    if (opens !== undefined) open.push(shown)
  }
  return declarations
}

/**
 * The id of the state at `path` (keys from the machine's root) in a state diagram, or, where
 * the diagram does not draw that state (an overview of a big machine), of its nearest drawn
 * ancestor. A parallel machine is drawn inside a composite of its own, so one outer label is
 * allowed.
 */
export function stateNodeId(text: string, path: readonly string[]): string | undefined {
  for (let length = path.length; length > 0; length--) {
    const id = drawnStateId(text, path.slice(0, length))
    if (id !== undefined) return id
  }
  return undefined
}

function drawnStateId(text: string, path: readonly string[]): string | undefined {
  const matches = (chain: readonly string[]): boolean =>
    chain.length === path.length && chain.every((label, index) => names(label, path[index] ?? ''))
  const declarations = stateDeclarations(text)
  const exact = (chain: readonly string[]): boolean => chain.every((label, index) => label === path[index])
  const found =
    declarations.find(({ chain }) => matches(chain) && exact(chain)) ??
    declarations.find(({ chain }) => matches(chain)) ??
    declarations.find(({ chain }) => matches(chain.slice(1)))
  return found?.id
}

/** The id of a flowchart or entity node declared `<prefix>id["Label"]` (any bracket shape) for `name`. */
export function namedNodeId(text: string, prefix: string, name: string): string | undefined {
  const declaration = new RegExp(`^\\s*(${prefix}\\w+)[^"\\s]*"([^"]*)"`, 'u')
  let loose: string | undefined
  for (const line of text.split('\n')) {
    const match = declaration.exec(line)
    if (match === null) continue
    const label = displayedLabel(match[2] ?? '')
    if (label === name) return match[1]
    if (loose === undefined && names(label, name)) loose = match[1]
  }
  return loose
}
