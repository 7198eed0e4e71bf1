/**
 * The shape of a checklist pack, for packs that come from a user's config: a Zod schema, so
 * a config loader can report a bad pack with the path of the problem.
 */
import { z } from 'zod'
import { nameSchema } from '../../validate/shape.js'
import { fillElement } from './template.js'
import type { ChecklistPack, Evidence } from './types.js'

const namePattern = z.union([z.string().min(1, { message: 'a name pattern must not be empty' }), z.instanceof(RegExp)])

const elementTemplate = z.string().refine((template) => fillElement(template, 'Entity') !== undefined, {
  message: 'expected an element path, e.g. entities.{entity}.unique',
})

const evidence: z.ZodType<Evidence> = z.lazy(() =>
  z.union([
    z.strictObject({ field: namePattern }),
    z.strictObject({ uniquenessOf: namePattern }),
    z.strictObject({ state: namePattern }),
    z.strictObject({ action: namePattern }),
    z.strictObject({ zonesWithAuth: z.literal(true) }),
    z.strictObject({ decision: z.strictObject({ rule: z.string().min(1), element: elementTemplate }) }),
    z.strictObject({ allOf: z.array(evidence).min(1) }),
  ]),
)

const question = z.strictObject({
  question: z.string().min(1, { message: 'a question needs its text' }),
  element: elementTemplate,
  answeredBy: z.array(evidence),
  sameAs: z.strictObject({ rule: z.string().min(1), element: elementTemplate }).exactOptional(),
})

export const checklistPackSchema: z.ZodType<ChecklistPack> = z.strictObject({
  name: nameSchema,
  description: z.string(),
  entitiesWithField: z.array(namePattern).min(1, { message: 'a pack needs at least one field pattern' }),
  questions: z.array(question).superRefine((questions, context) => {
    const seen = new Set<string>()
    questions.forEach(({ element }, index) => {
      if (seen.has(element))
        context.addIssue({
          code: 'custom',
          path: [index, 'element'],
          message: `two questions of the pack are at ${element}: a question is identified by its element`,
        })
      seen.add(element)
    })
  }),
})
