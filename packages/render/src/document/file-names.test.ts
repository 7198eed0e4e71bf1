import { expect, test } from 'vitest'
import { distinctSlugs, fileSlug } from './file-names.js'

test('a file name keeps letters and digits of any script; the rest becomes -', () => {
  expect(fileSlug('accounts')).toBe('accounts')
  expect(fileSlug('end; %% "hostile" <script>')).toBe('end-hostile-script')
  expect(fileSlug('../../etc/passwd')).toBe('etc-passwd')
  expect(fileSlug('שלום עולם')).toBe('שלום-עולם')
  expect(fileSlug('%%')).toBe('unnamed')
})

test('names that would share a file name, even differing only in case, get distinct ones', () => {
  expect(distinctSlugs(['a b', 'a-b', 'A b', 'c'])).toEqual(['a-b', 'a-b-2', 'A-b-3', 'c'])
})
