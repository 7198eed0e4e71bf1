import { describe, expect, it } from 'vitest'
import type { Io } from './io.js'
import { describeProgress, progressLine } from './progress.js'

function io(isTTY: boolean, env: Record<string, string> = {}): Io & { written: string[] } {
  const written: string[] = []
  return {
    cwd: '/',
    env,
    stdout: { write: () => {}, isTTY },
    stderr: { write: (text) => written.push(text), isTTY },
    written,
  }
}

const progress = { element: 'stores.counters', states: 523_412, transitions: 2_100_000, depth: 27, ms: 1000 }

describe('progressLine', () => {
  it('draws one line on a terminal, redrawn in place and cleared at the end', () => {
    const terminal = io(true)
    const line = progressLine(terminal)
    line.onProgress?.(progress)
    line.onProgress?.({ ...progress, states: 600_000 })
    line.clear()
    expect(terminal.written).toEqual([
      '\r\u001b[2Kexploring stores.counters: 523,412 states, 2,100,000 transitions, depth 27, 523,412 states/s',
      '\r\u001b[2Kexploring stores.counters: 600,000 states, 2,100,000 transitions, depth 27, 600,000 states/s',
      '\r\u001b[2K',
    ])
  })

  it.each([
    ['stderr is not a terminal', io(false)],
    ['under CI', io(true, { CI: 'true' })],
  ])('draws nothing when %s', (_, quiet) => {
    const line = progressLine(quiet)
    expect(line.onProgress).toBeUndefined()
    line.clear()
    expect(quiet.written).toEqual([])
  })

  it('clears nothing when nothing was drawn', () => {
    const terminal = io(true)
    progressLine(terminal).clear()
    expect(terminal.written).toEqual([])
  })

  it('describes a rate of 0 at the start', () => {
    expect(describeProgress({ ...progress, ms: 0 })).toBe(
      'exploring stores.counters: 523,412 states, 2,100,000 transitions, depth 27, 0 states/s',
    )
  })
})
