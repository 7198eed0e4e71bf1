import type { Report } from '@plumbline/core'
import type { Style } from '../style.js'

export interface FormatContext {
  style: Style
}

/** A report format: the whole report in, the text to print out. Pure. */
export type Formatter = (report: Report, context: FormatContext) => string
