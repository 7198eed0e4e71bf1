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

test('a long name is cut to a file name a file system takes, kept apart from its neighbours by a hash', () => {
  const long = fileSlug('x'.repeat(10_000))
  expect(long).toBe(`${'x'.repeat(191)}-${long.slice(-8)}`)
  expect(long).toMatch(/-[0-9a-f]{8}$/)
  expect(fileSlug(`${'x'.repeat(10_000)}y`)).not.toBe(long)
  // Bytes, not characters: a name in a script of 3-byte characters is cut at 191 bytes too.
  const hebrew = fileSlug('ש'.repeat(500))
  expect(new TextEncoder().encode(hebrew).length).toBeLessThanOrEqual(200)
  expect(fileSlug('y'.repeat(200))).toBe('y'.repeat(200))
})
