import { expect, test } from 'vitest'
import { IdAllocator } from './ids.js'

test('an id is the prefix and the hint with every other character as _', () => {
  const ids = new IdAllocator('s_')
  expect(ids.idFor('sign up')).toBe('s_sign_up')
  expect(ids.idFor('end')).toBe('s_end')
  expect(ids.idFor('שלום')).toBe('s_____')
})

test('the same key always gets the same id; different keys never share one', () => {
  const ids = new IdAllocator('p_')
  expect([ids.idFor('a b'), ids.idFor('a-b'), ids.idFor('a_b'), ids.idFor('a b')]).toEqual([
    'p_a_b',
    'p_a_b_2',
    'p_a_b_3',
    'p_a_b',
  ])
})

test('the hint only shapes the id', () => {
  const ids = new IdAllocator('s_')
  expect(ids.idFor('a\u0000b', 'a_b')).toBe('s_a_b')
  expect(ids.idFor('a\u0000c', 'a_b')).toBe('s_a_b_2')
})

test('ids the diagram type reserves are avoided', () => {
  const ids = new IdAllocator('s_', (id) => id.endsWith('_end'))
  expect(ids.idFor('x end')).toBe('s_x_end_2')
})
