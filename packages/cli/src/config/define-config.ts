/**
 * The config file's shape: what `plumbline.config.ts` exports with `defineConfig({ … })`.
 * Paths are relative to the config file's folder. Flags on the command line win over it.
 */
import type { ChecklistPack, PackSource, RuleId, SeveritySetting } from '@plumbline/core'

export interface PlumblineConfig {
  /** Model files, folders or globs (default `['models']`). */
  models?: string[]
  /** The folder `plumbline render` writes documents to (default `docs/models`). */
  output?: string
  /**
   * Severities by rule id, or by a checklist pack's source (`pack:accounts`): `'off' | 'info' | 'warn' | 'error'`.
   * Typed, so a misspelt id is a compile error in a TypeScript config; a config the type does not check
   * (JavaScript, a cast) still gets the "unknown rule" error when it is loaded.
   */
  rules?: { [id in RuleId | PackSource]?: SeveritySetting }
  /** Bounds on each exploration; one that hits a bound is reported incomplete, never as a proof. */
  explore?: {
    /** Distinct states per exploration (default 1,000,000). */
    maxStates?: number
    /** Steps from the initial state. */
    maxDepth?: number
    /** Milliseconds per exploration. */
    timeout?: number
    /** Milliseconds one call into the model's code may run (loading a model, one step) before it is stopped (default 10,000). */
    stepTimeout?: number
    /** Megabytes one model's check may hold (default: half the machine's memory, shared among the worker threads). */
    maxMemory?: number
    /** Make `explore/incomplete` an error, so a CI run whose exploration stopped at a bound fails. */
    failOnIncomplete?: boolean
  }
  /** Checklist packs asked besides the built-in ones (a pack named like a built-in one replaces it). */
  packs?: readonly ChecklistPack[]
  /** The baseline file (default `plumbline-baseline.json`). */
  baseline?: string
  /** Worker threads that check models beside the main thread (default: one per spare core; 0: none). */
  workers?: number
}

/** Types a config file: `export default defineConfig({ … })`. Returns its argument unchanged. */
export function defineConfig(config: PlumblineConfig): PlumblineConfig {
  return config
}
