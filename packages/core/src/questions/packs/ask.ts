/**
 * A pack's open questions in a model, as findings of the pack's source (`pack:accounts`) so
 * that decisions answer them as they answer rule findings. They are questions, never
 * diagnostics.
 */
import type { Finding } from '../../diagnostics/types.js'
import type { Model } from '../../model/model.js'
import { holds, matches } from './evidence.js'
import { fillElement, fillText } from './template.js'
import { packSource, type ChecklistPack } from './types.js'

export function askPacks(model: Model, packs: readonly ChecklistPack[]): Finding[] {
  const findings: Finding[] = []
  for (const pack of packs) {
    const source = packSource(pack)
    // A question at an element outside the entity (`zones`) is asked once, not per entity.
    const asked = new Set<string>()
    for (const [entity, { schema }] of Object.entries(model.entities)) {
      if (!Object.keys(schema.shape).some((field) => pack.entitiesWithField.some((pattern) => matches(pattern, field))))
        continue
      for (const question of pack.questions) {
        const element = fillElement(question.element, entity)
        if (element === undefined || asked.has(element)) continue
        asked.add(element)
        if (!question.answeredBy.some((evidence) => holds(evidence, model, entity)))
          findings.push({ rule: source, element, message: fillText(question.question, entity) })
      }
    }
  }
  return findings
}
