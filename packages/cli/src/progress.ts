/**
 * The live progress line of long explorations, on stderr: only on a terminal, never under
 * CI (its logs keep every line) and never on stdout, which is for the report.
 */
import type { ExplorationProgress, ProgressListener } from '@plumbline/core'
import type { Io } from './io.js'
import { groupDigits } from './output/text/numbers.js'

export interface ProgressLine {
  /** Undefined where no line is drawn. */
  onProgress: ProgressListener | undefined
  /** Removes the line, if one was drawn. */
  clear(): void
}

const CLEAR_LINE = '\r\u001b[2K'

export function progressLine(io: Io): ProgressLine {
  if (!io.stderr.isTTY || isCI(io.env)) return { onProgress: undefined, clear: () => {} }
  let drawn = false
  return {
    onProgress(progress) {
      io.stderr.write(`${CLEAR_LINE}${describeProgress(progress)}`)
      drawn = true
    },
    clear() {
      if (drawn) io.stderr.write(CLEAR_LINE)
      drawn = false
    },
  }
}

export function describeProgress({ element, states, transitions, depth, ms }: ExplorationProgress): string {
  const rate = ms > 0 ? Math.round((states / ms) * 1000) : 0
  return `exploring ${element}: ${groupDigits(states)} states, ${groupDigits(transitions)} transitions, depth ${depth}, ${groupDigits(rate)} states/s`
}

function isCI(env: Io['env']): boolean {
  const ci = env.CI
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false'
}
