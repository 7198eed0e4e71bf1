/** The report formats, by the name `--format` takes. */
import { formatJson } from './json.js'
import { formatPretty } from './pretty.js'
import type { Formatter } from './types.js'

export const formats = {
  pretty: formatPretty,
  json: formatJson,
} satisfies Record<string, Formatter>

export type FormatName = keyof typeof formats

export const formatNames = Object.keys(formats) as FormatName[]
