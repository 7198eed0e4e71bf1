/**
 * The report formats, by the name `--format` takes. Each is imported when it is used, so a
 * run pays only for the formats it prints.
 */
import type { Formatter } from './types.js'

export const formats = {
  pretty: async () => (await import('./pretty.js')).formatPretty,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  junit: async () => (await import('./junit.js')).formatJunit,
  github: async () => (await import('./github.js')).formatGithub,
} satisfies Record<string, () => Promise<Formatter>>

export type FormatName = keyof typeof formats

export const formatNames = Object.keys(formats) as FormatName[]

/** Formats that show code frames, for which the model sources are read. */
export const formatsWithSources: ReadonlySet<FormatName> = new Set(['pretty'])

/** Formats that list each model's checks (test cases). */
export const formatsWithChecks: ReadonlySet<FormatName> = new Set(['junit'])
