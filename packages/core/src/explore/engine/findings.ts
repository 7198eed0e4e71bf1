/**
 * The findings of one exploration, as they are met: at most one per (rule, element), the
 * first one met, which breadth-first order makes the one with the shortest trace. A finding
 * remembers where it was met (a state, and the step taken from it for a step's finding);
 * its trace is rebuilt once the search is over.
 */
import { elementPath, type PathSegment } from '../../model/element-path.js'
import type { RuleId } from '../../rules/catalogue.js'
import type { DefinedRule } from '../../rules/define-rule.js'

/** Where a finding was met: in visited state `state`, or on the step `action` from it. */
export interface Sighting {
  state: number
  action?: number
  /** Met by simulation (not in the visited graph): the actions from the initial state, `state` being 0. */
  path?: readonly number[]
  /** A liveness counterexample: from `state`, these actions, of which those from `loop` on repeat for ever. */
  lasso?: { actions: readonly number[]; loop: number }
}

export interface PendingFinding {
  rule: DefinedRule<RuleId>
  path: readonly PathSegment[]
  message: string
  /** Undefined for findings about the exploration as a whole, which have no trace. */
  at: Sighting | undefined
}

export class FindingRecorder {
  readonly findings: PendingFinding[] = []
  private readonly keys = new Set<string>()

  /** Records the finding unless one of the same rule at the same element is recorded already. */
  record(rule: DefinedRule<RuleId>, path: readonly PathSegment[], message: string, at: Sighting | undefined): void {
    const id = key(rule, path)
    if (this.keys.has(id)) return
    this.keys.add(id)
    this.findings.push({ rule, path, message, at })
  }

  /** Drops the findings `untrusted` picks (they may be recorded again). */
  forget(untrusted: (finding: PendingFinding) => boolean): void {
    for (let i = 0; i < this.findings.length; i++) {
      const finding = this.findings[i]!
      if (!untrusted(finding)) continue
      this.keys.delete(key(finding.rule, finding.path))
      this.findings.splice(i--, 1)
    }
  }
}

/** A finding's key: its rule and its element, the path written as the report writes it. */
function key(rule: DefinedRule<RuleId>, path: readonly PathSegment[]): string {
  return `${rule.id}\u0000${elementPath(path)}`
}
