/** Findings as the report shows them, for tests that assert what a user reads. */
import type { FindingOf } from '../diagnostics/shapes.js'
import { elementPath } from '../model/element-path.js'

/** A finding with its path written as the report writes it: `flows.f.steps[0]`. */
export type ReportedFinding<F extends FindingOf<string>> = Omit<F, 'path'> & { element: string }

/** Each finding with its element string in place of its path, in the fields' order (rule, element, message, …). */
export function asReported<F extends FindingOf<string>>(findings: readonly F[]): ReportedFinding<F>[] {
  return findings.map(
    ({ rule, path, ...rest }) => ({ rule, element: elementPath(path), ...rest }) as ReportedFinding<F>,
  )
}
