import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { checkOptionsFrom } from '../config/check-options.js'
import { duration, maxDepthOption, maxStatesOption, timeoutOption } from './exploration.js'

function parse(args: string[]): { maxStates?: number; maxDepth?: number; timeout?: number } {
  const command = new Command().exitOverride().configureOutput({ writeErr: () => {} })
  for (const option of [maxStatesOption(), maxDepthOption(), timeoutOption()]) command.addOption(option)
  return command.parse(args, { from: 'user' }).opts()
}

describe('exploration options', () => {
  it("set no bound of their own when not given (core's defaults apply: a million states)", () => {
    expect(parse([])).toEqual({})
    expect(checkOptionsFrom(undefined, parse([]))).toEqual({})
  })

  it('read whole numbers and durations', () => {
    expect(
      checkOptionsFrom(undefined, parse(['--max-states', '250_000', '--max-depth', '40', '--timeout', '1.5m'])).bounds,
    ).toEqual({
      maxStates: 250_000,
      maxDepth: 40,
      timeoutMs: 90_000,
    })
  })

  it("override the config's explore section one key at a time", () => {
    const config = { explore: { maxStates: 10, maxDepth: 3, timeout: 5_000 } }
    expect(checkOptionsFrom(config, parse(['--max-depth', '7'])).bounds).toEqual({
      maxStates: 10,
      maxDepth: 7,
      timeoutMs: 5_000,
    })
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
