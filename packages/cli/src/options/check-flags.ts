/**
 * The flags of `plumbline check`, as one typed table: each flag's commander option, and the
 * config key it stands in for (the flag wins over the config; `--rule` rule by rule). Flags
 * and config keys cannot drift apart: `settingFrom` reads both through this table.
 */
import type { SeveritySettings } from '@plumbline/core'
import { InvalidArgumentError, Option } from 'commander'
import type { PlumblineConfig } from '../config/define-config.js'
import { formatNames, type FormatName } from '../output/formats/index.js'
import { parseOutputFile, type OutputFileFlag } from '../output/targets.js'
import { parseShard, type Shard } from '../run/shard.js'
import {
  failOnIncompleteOption,
  maxDepthOption,
  maxMemoryOption,
  maxStatesOption,
  stepTimeoutOption,
  timeoutOption,
} from './exploration.js'
import { choiceProblem } from './choices.js'
import { ruleSeverityOption } from './rule-severities.js'

export interface CheckFlags {
  rule?: SeveritySettings
  format?: FormatName[]
  outputFile?: OutputFileFlag[]
  config?: string
  watch?: boolean
  updateBaseline?: boolean
  baseline?: string
  shard?: Shard
  workers?: number
  maxStates?: number
  maxDepth?: number
  /** Milliseconds. */
  timeout?: number
  /** Milliseconds. */
  stepTimeout?: number
  /** Megabytes. */
  maxMemory?: number
  failOnIncomplete?: boolean
  coverage?: boolean
  simulate?: number
  depth?: number
  seed?: number
}

interface FlagSpec {
  option: Option
  /** The config key this flag overrides, when the config has one. */
  config?: keyof PlumblineConfig
}

export const CHECK_FLAGS: { [Key in keyof CheckFlags]-?: FlagSpec } = {
  // Rule by rule over the config's `rules` (see config/check-options.ts), not instead of them.
  rule: { option: ruleSeverityOption(), config: 'rules' },
  format: {
    option: new Option(
      '-f, --format <format>',
      `report format, repeatable: ${formatNames.join(', ')} (default: pretty)`,
    ).argParser((value: string, previous: FormatName[] | undefined) => {
      if (!(formatNames as string[]).includes(value)) throw new InvalidArgumentError(choiceProblem(value, formatNames))
      return [...(previous ?? []), value as FormatName]
    }),
  },
  outputFile: {
    option: new Option(
      '-o, --output-file <[format=]path>',
      'write a format to a file instead of stdout, repeatable: FORMAT=PATH (e.g. sarif=plumbline.sarif), or PATH for the only format',
    ).argParser((value: string, previous: OutputFileFlag[] | undefined) => [
      ...(previous ?? []),
      parseOutputFile(value),
    ]),
  },
  config: {
    option: new Option(
      '-c, --config <file>',
      'the config file (default: plumbline.config.ts, looked for from here upwards)',
    ),
  },
  watch: { option: new Option('-w, --watch', 'check again whenever a model file or a file it imports changes') },
  updateBaseline: {
    option: new Option(
      '--update-baseline',
      "record today's findings in the baseline; later runs fail only on new ones",
    ),
  },
  baseline: {
    option: new Option(
      '--baseline <file>',
      'the baseline file (default: plumbline-baseline.json beside the config, or here)',
    ),
    config: 'baseline',
  },
  shard: {
    option: new Option(
      '--shard <i/n>',
      'check only the i-th of n equal slices of the model files (CI matrices)',
    ).argParser((value: string) => {
      const shard = parseShard(value)
      if (shard === undefined) throw new InvalidArgumentError('Expected i/n with 1 ≤ i ≤ n, e.g. 2/3.')
      return shard
    }),
  },
  workers: {
    option: new Option(
      '--workers <n>',
      'worker threads besides the main one (default: one per spare core; 0: none)',
    ).argParser((value: string) => {
      if (!/^\d+$/.test(value)) throw new InvalidArgumentError('Expected a whole number, 0 or more.')
      return Number(value)
    }),
    config: 'workers',
  },
  // Each over the same key of the config's `explore` section (see config/check-options.ts).
  maxStates: { option: maxStatesOption(), config: 'explore' },
  maxDepth: { option: maxDepthOption(), config: 'explore' },
  timeout: { option: timeoutOption(), config: 'explore' },
  stepTimeout: { option: stepTimeoutOption(), config: 'explore' },
  maxMemory: { option: maxMemoryOption(), config: 'explore' },
  failOnIncomplete: { option: failOnIncompleteOption(), config: 'explore' },
  simulate: {
    option: new Option(
      '--simulate <n>',
      "after each store's and machine's search, n random behaviours (from its frontier where a bound stopped it): never a proof",
    ).argParser(positiveWhole),
  },
  depth: {
    option: new Option('--depth <d>', 'with --simulate: steps in each behaviour, at most (default: 100)').argParser(
      (value: string) => {
        // Each behaviour's steps are kept in one array of this length.
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_SIMULATION_DEPTH)
          throw new InvalidArgumentError(`Expected a whole number from 1 to ${MAX_SIMULATION_DEPTH}.`)
        return Number(value)
      },
    ),
  },
  seed: {
    option: new Option('--seed <s>', 'with --simulate: the seed, printed by every run, to replay it exactly').argParser(
      (value: string) => {
        if (!/^\d+$/.test(value) || Number(value) > 0xffffffff)
          throw new InvalidArgumentError('Expected a whole number from 0 to 4294967295.')
        return Number(value)
      },
    ),
  },
  coverage: {
    option: new Option(
      '--coverage',
      'how often each operation (event type) was enabled and taken, in each exploration (JSON stats, pretty output)',
    ),
  },
}

/** The longest behaviour `--simulate` runs: its steps are kept in one array. */
const MAX_SIMULATION_DEPTH = 1_000_000

function positiveWhole(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('Expected a whole number, 1 or more.')
  return Number(value)
}

export const checkFlagOptions: readonly Option[] = Object.values(CHECK_FLAGS).map((spec) => spec.option)

/** A setting: the flag's value when given, else the config's, else undefined. */
export function settingFrom<Key extends keyof CheckFlags & keyof PlumblineConfig>(
  key: Key,
  flags: CheckFlags,
  config: PlumblineConfig | undefined,
): CheckFlags[Key] | PlumblineConfig[Key] | undefined {
  const fromFlag = flags[key]
  if (fromFlag !== undefined) return fromFlag
  const configKey = CHECK_FLAGS[key].config
  return configKey === undefined ? undefined : (config?.[configKey] as PlumblineConfig[Key] | undefined)
}
