/** The flags of `plumbline conform`, shared by the adapter run and the trace run. */
import type { SeveritySettings } from '@plumbline/core'
import type { FormatName } from '../output/formats/index.js'
import type { OutputFileFlag } from '../output/targets.js'

export interface ConformFlags {
  /** The covering sequences: every reachable transition (default) or every reachable state. */
  paths?: 'transitions' | 'states'
  /** Random sequences besides the covering ones. */
  random?: number
  seed?: number
  maxLength?: number
  rejections?: boolean
  /** With --trace: the model's store or machine the trace was recorded from. */
  store?: string
  machine?: string
  /** A recorded trace (JSON lines) to check against the model, instead of running an adapter. */
  trace?: string
  /** `--rule id=severity`, over the config's `rules`. */
  rule?: SeveritySettings
  /** `--config`: the config file, instead of the one found from here upwards. */
  config?: string
  format?: FormatName[]
  outputFile?: OutputFileFlag[]
  maxStates?: number
  maxDepth?: number
  /** Milliseconds. */
  timeout?: number
  /** Milliseconds: the longest one call into the adapter may take to settle. */
  stepTimeout?: number
}

/** A random sequence's greatest length when --max-length is not given. */
export const DEFAULT_MAX_LENGTH = 20
