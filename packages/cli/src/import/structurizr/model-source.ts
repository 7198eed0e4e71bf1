/**
 * An imported system definition as a TypeScript model file: `defineSystem({ … })` with the
 * notes of what was not mapped in its header comment. Plain data only, printed with JSON's
 * string syntax, so any name is written exactly.
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u

export function modelSource(
  system: Record<string, unknown>,
  header: readonly string[],
  notes: readonly string[],
): string {
  const comment = [
    ...header,
    ...(notes.length === 0
      ? ['Everything in the workspace was mapped.']
      : ['', 'Not mapped, or mapped under another name:', ...notes.map((note) => `- ${note}`)]),
  ]
  return `/**\n${comment.map((line) => ` *${line === '' ? '' : ` ${line.replaceAll('*/', '*\\/')}`}`).join('\n')}\n */\nimport { defineSystem } from '@plumbline/core'\n\nexport default defineSystem(${literal(system, 0)})\n`
}

function literal(value: unknown, depth: number): string {
  const indent = '  '.repeat(depth + 1)
  const close = '  '.repeat(depth)
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'string'))
      return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`
    return `[\n${value.map((item) => `${indent}${literal(item, depth + 1)},`).join('\n')}\n${close}]`
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
    if (entries.length === 0) return '{}'
    return `{\n${entries.map(([key, item]) => `${indent}${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${literal(item, depth + 1)},`).join('\n')}\n${close}}`
  }
  return JSON.stringify(value)
}
