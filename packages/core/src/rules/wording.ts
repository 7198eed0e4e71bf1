/**
 * Wording shared by the rules. Messages quote names as JSON strings (`"db"`), like every
 * other message; questions are plain words and show names as written.
 */
import type { FindingOf } from '../diagnostics/shapes.js'
import type { PathSegment } from '../model/element-path.js'
import type { Model } from '../model/model.js'
import { own } from '../model/own.js'
import type { FlowStep } from '../model/types.js'

export const quoted = (name: string): string => JSON.stringify(name)

export const quotedList = (names: readonly string[]): string => names.map(quoted).join(', ')

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** A list of fields as written in the model: `[orgId, slug]`. */
export const fieldList = (fields: readonly string[]): string => `[${fields.join(', ')}]`

/** Steps as people count them: `steps[0]` is step 1. */
export const stepNumber = (index: number): string => `step ${index + 1}`

/** `"api" → "db"`, for messages. */
export const stepArrow = (step: Pick<FlowStep, 'from' | 'to'>): string => `${quoted(step.from)} → ${quoted(step.to)}`

export interface LocatedStep {
  flow: string
  index: number
  step: FlowStep
  /** The path after the step's own, e.g. `['onError', 'EmailTaken']`. */
  rest: PathSegment[]
}

/** The flow step a finding's path names (`flows.f.steps[2]…`), for wording its question. */
export function stepOf(finding: FindingOf<string>, model: Model): LocatedStep | undefined {
  const [section, flow, steps, index, ...rest] = finding.path
  if (section !== 'flows' || typeof flow !== 'string' || steps !== 'steps' || typeof index !== 'number')
    return undefined
  const step = own(model.flows, flow)?.steps[index]
  return step === undefined ? undefined : { flow, index, step, rest }
}
