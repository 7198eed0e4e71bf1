import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { duration, explorationBounds, explorationOptions, type ExplorationFlags } from './exploration.js'

function parse(args: string[]): ExplorationFlags {
  const command = new Command().exitOverride().configureOutput({ writeErr: () => {} })
  for (const option of explorationOptions()) command.addOption(option)
  return command.parse(args, { from: 'user' }).opts<ExplorationFlags>()
}

describe('exploration options', () => {
  it('default to a million states, no depth and no time bound', () => {
    expect(explorationBounds(parse([]))).toEqual({ maxStates: 1_000_000 })
  })

  it('read whole numbers and durations', () => {
    expect(explorationBounds(parse(['--max-states', '250_000', '--max-depth', '40', '--timeout', '1.5m']))).toEqual({ maxStates: 250_000, maxDepth: 40, timeoutMs: 90_000 })
  })

  it.each([
    ['--max-states', '-5'],
    ['--max-states', '1e6'],
    ['--max-depth', 'deep'],
    ['--timeout', '10 minutes'],
  ])('refuse %s %s', (option, value) => {
    expect(() => parse([option, value])).toThrow(/is invalid/)
  })

  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['30', 30_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
  ])('duration %s is %i ms', (text, ms) => {
    expect(duration(text)).toBe(ms)
  })
})
