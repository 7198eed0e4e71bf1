import type { Report } from '@plumbline/core'
import type { CheckItem } from '../../run/list-checks.js'
import type { Style } from '../../style.js'

export interface FormatContext {
  style: Style
  /** Source text by file as shown in locations: for code frames. Files not here get none. */
  sources?: ReadonlyMap<string, string>
  /** By model file as shown: what each model asks to be checked (JUnit's test cases). */
  checks?: ReadonlyMap<string, readonly CheckItem[]>
  /** A file as shown, named from the repository's root, as GitHub reads paths. Without it, as shown. */
  repositoryPath?: (file: string) => string
}

/** A report format: the whole report in, the text to print out. Pure. */
export type Formatter = (report: Report, context: FormatContext) => string
