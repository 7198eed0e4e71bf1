import { z } from 'zod'
import { expect, test } from 'vitest'
import { fieldType } from './field-type.js'

test.each([
  [z.string(), 'string'],
  [z.uuid(), 'uuid'],
  [z.email(), 'email'],
  [z.iso.datetime(), 'datetime'],
  [z.number(), 'number'],
  [z.int(), 'int'],
  [z.boolean(), 'boolean'],
  [z.enum(['a', 'b']), 'enum'],
  [z.literal('x'), 'literal'],
  [z.array(z.array(z.uuid())), 'uuid[][]'],
  [z.object({}), 'object'],
  [z.date(), 'date'],
  [z.string().default('x'), 'string'],
  [z.string().transform((value) => value.length), 'string'],
] as const)('%# %s', (schema, word) => {
  expect(fieldType(schema).word).toBe(word)
})

test('optional and nullable are seen through and reported', () => {
  expect(fieldType(z.string().optional())).toEqual({ word: 'string', optional: true, nullable: false })
  expect(fieldType(z.int().nullable().optional())).toEqual({ word: 'int', optional: true, nullable: true })
})
