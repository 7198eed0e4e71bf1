/**
 * Colours for human output: only on a terminal, and never with NO_COLOR set (no-color.org).
 * FORCE_COLOR turns them on for a pipe (as CI log viewers that render ANSI expect).
 */
import { styleText } from 'node:util'
import type { Io, Writer } from './io.js'

type Format = Parameters<typeof styleText>[0]

export interface Style {
  (format: Format, text: string): string
  /** Whether this style colours at all (for tools that colour by themselves, such as code frames). */
  readonly enabled: boolean
}

export function styleFor(stream: Writer, env: Io['env']): Style {
  const enabled = colourEnabled(stream, env)
  const style = (format: Format, text: string): string =>
    enabled ? styleText(format, text, { validateStream: false }) : text
  return Object.assign(style, { enabled })
}

function colourEnabled(stream: Writer, env: Io['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true
  return stream.isTTY && env.TERM !== 'dumb'
}
