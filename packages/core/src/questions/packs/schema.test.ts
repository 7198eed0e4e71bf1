import { describe, expect, it } from 'vitest'
import { builtInPacks } from './index.js'
import { checklistPackSchema } from './schema.js'

const issues = (pack: unknown) => {
  const result = checklistPackSchema.safeParse(pack)
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message])
}

const valid = () => ({
  name: 'payments',
  description: 'Money',
  entitiesWithField: ['amount', /^price$/],
  questions: [
    {
      question: 'In which currency is a {entity} amount?',
      element: 'entities.{entity}.schema',
      answeredBy: [
        { field: 'currency' },
        { allOf: [{ action: 'refund' }, { decision: { rule: 'identity/missing', element: 'entities.{entity}' } }] },
      ],
    },
  ],
})

describe('checklistPackSchema', () => {
  it('accepts the built-in packs and a valid user pack', () => {
    for (const pack of [...builtInPacks, valid()]) expect(issues(pack)).toEqual([])
  })

  it.each<[string, (pack: Record<string, any>) => void, string, string]>([
    [
      'an element that is not a path',
      (pack) => (pack.questions[0].element = 'entities..{entity}'),
      'questions.0.element',
      'expected an element path, e.g. entities.{entity}.unique',
    ],
    [
      'two questions at one element',
      (pack) => pack.questions.push({ ...pack.questions[0] }),
      'questions.1.element',
      'two questions of the pack are at entities.{entity}.schema: a question is identified by its element',
    ],
    [
      'no field patterns',
      (pack) => (pack.entitiesWithField = []),
      'entitiesWithField',
      'a pack needs at least one field pattern',
    ],
    [
      'an empty name pattern',
      (pack) => (pack.entitiesWithField = ['']),
      'entitiesWithField.0',
      'a name pattern must not be empty',
    ],
  ])('rejects %s', (_, breakIt, path, message) => {
    const pack = valid()
    breakIt(pack)
    expect(issues(pack)).toEqual([[path, message]])
  })

  it('rejects evidence of an unknown kind', () => {
    const pack = valid()
    pack.questions[0]!.answeredBy = [{ feild: 'currency' } as never]
    expect(issues(pack).map(([path]) => path)).toEqual(['questions.0.answeredBy.0'])
  })
})
