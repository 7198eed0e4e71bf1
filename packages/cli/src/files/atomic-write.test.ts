import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { createFileAtomic, readIfExists, writeFileAtomic } from './atomic-write.js'

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'plumbline-write-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

test('writes the content, creating folders, and replaces an old file whole', async () => {
  const file = path.join(folder, 'docs/models/shop.md')
  await writeFileAtomic(file, 'one')
  await writeFileAtomic(file, 'two')
  expect(await readFile(file, 'utf8')).toBe('two')
  expect(await readdir(path.dirname(file))).toEqual(['shop.md'])
})

test('a write that fails leaves what was there, and no temporary file', async () => {
  const file = path.join(folder, 'shop.md')
  await mkdir(file)
  await writeFile(path.join(file, 'kept'), 'kept')
  await expect(writeFileAtomic(file, 'new')).rejects.toThrow()
  expect(await readdir(folder)).toEqual(['shop.md'])
  expect(await readFile(path.join(file, 'kept'), 'utf8')).toBe('kept')
})

test('creates a file, creating folders, but never replaces one that exists', async () => {
  const file = path.join(folder, 'models/shop.ts')
  expect(await createFileAtomic(file, 'one')).toBe(true)
  expect(await createFileAtomic(file, 'two')).toBe(false)
  expect(await readFile(file, 'utf8')).toBe('one')
  expect(await readdir(path.dirname(file))).toEqual(['shop.ts'])
})

test('a name taken by a folder is not created over, and no temporary file is left', async () => {
  const file = path.join(folder, 'shop.md')
  await mkdir(file)
  expect(await createFileAtomic(file, 'new')).toBe(false)
  expect(await readdir(folder)).toEqual(['shop.md'])
  expect(await readdir(file)).toEqual([])
})

test('reads a file, or nothing where there is none', async () => {
  await writeFile(path.join(folder, 'a.md'), 'a')
  expect(await readIfExists(path.join(folder, 'a.md'))).toBe('a')
  expect(await readIfExists(path.join(folder, 'b.md'))).toBeUndefined()
})
