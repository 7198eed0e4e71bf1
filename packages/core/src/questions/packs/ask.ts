/**
 * A pack's open questions in a model, as findings of the pack's source (`pack:accounts`) so
 * that decisions answer them as they answer rule findings. They are questions, never
 * diagnostics.
 */
import type { Finding } from '../../diagnostics/types.js'
import { elementPath } from '../../model/element-path.js'
import type { Model } from '../../model/model.js'
import { holds, matches } from './evidence.js'
import { fillElement, fillPath, fillText } from './template.js'
import { packSource, type ChecklistPack } from './types.js'

/** A pack's open question, with the rule finding that asks the same thing, where one does. */
export interface PackFinding extends Finding {
  sameAs?: { rule: string; element: string }
}

export function askPacks(model: Model, packs: readonly ChecklistPack[]): PackFinding[] {
  const findings: PackFinding[] = []
  for (const pack of packs) {
    const source = packSource(pack)
    // A question at an element outside the entity (`zones`) is asked once, not per entity.
    const asked = new Set<string>()
    for (const [entity, { schema }] of Object.entries(model.entities)) {
      if (!Object.keys(schema.shape).some((field) => pack.entitiesWithField.some((pattern) => matches(pattern, field))))
        continue
      for (const question of pack.questions) {
        const path = fillPath(question.element, entity)
        const element = path && elementPath(path)
        if (path === undefined || element === undefined || asked.has(element)) continue
        asked.add(element)
        const { sameAs } = question
        // A decision answering the rule's finding answers the question it shares.
        const evidence = sameAs === undefined ? question.answeredBy : [...question.answeredBy, { decision: sameAs }]
        if (evidence.some((piece) => holds(piece, model, entity))) continue
        const finding: PackFinding = { rule: source, path, message: fillText(question.question, entity) }
        if (sameAs !== undefined)
          finding.sameAs = { rule: sameAs.rule, element: fillElement(sameAs.element, entity) ?? sameAs.element }
        findings.push(finding)
      }
    }
  }
  return findings
}
