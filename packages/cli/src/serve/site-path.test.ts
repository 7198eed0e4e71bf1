import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { requestSegments, resolveSitePath } from './site-path.js'

let base: string
let site: string
/** Every name on disk counts as a site file here, so each rejection below is for the path itself. */
const FILES = new Set([
  'index.html',
  'assets/viewer.js',
  'a b.html',
  'inside.html',
  'out.txt',
  'up/secret.txt',
  '.index.html.tmp-1',
])

beforeAll(async () => {
  base = await realpath(await mkdtemp(path.join(tmpdir(), 'plumbline-site-path-')))
  site = path.join(base, 'site')
  await mkdir(path.join(site, 'assets'), { recursive: true })
  await writeFile(path.join(site, 'index.html'), 'index')
  await writeFile(path.join(site, 'assets', 'viewer.js'), 'js')
  await writeFile(path.join(site, 'a b.html'), 'spaced')
  await writeFile(path.join(site, '.index.html.tmp-1'), 'temporary')
  await writeFile(path.join(base, 'secret.txt'), 'secret')
  await symlink(path.join(base, 'secret.txt'), path.join(site, 'out.txt'))
  await symlink(base, path.join(site, 'up'))
  await symlink(path.join(site, 'index.html'), path.join(site, 'inside.html'))
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('resolveSitePath', () => {
  test('names the site files, / as index.html and query strings ignored', async () => {
    expect(await resolveSitePath(site, '/', FILES)).toBe(path.join(site, 'index.html'))
    expect(await resolveSitePath(site, '/index.html?x=1#y', FILES)).toBe(path.join(site, 'index.html'))
    expect(await resolveSitePath(site, '/assets/viewer.js', FILES)).toBe(path.join(site, 'assets', 'viewer.js'))
    expect(await resolveSitePath(site, '/a%20b.html', FILES)).toBe(path.join(site, 'a b.html'))
    expect(await resolveSitePath(site, '/inside.html', FILES)).toBe(path.join(site, 'index.html'))
  })

  test.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/%zz',
    '//etc/passwd',
    `${base}/secret.txt`,
    'http://127.0.0.1/index.html',
    '*',
    '/out.txt',
    '/up/secret.txt',
    '/assets',
    '/assets/',
    '/.index.html.tmp-1',
    '/missing.html',
  ])('%s is no file of the site', async (target) => {
    expect(await resolveSitePath(site, target, FILES)).toBeUndefined()
  })
})

test('a file in the folder that the site was not rendered into is not served', async () => {
  await writeFile(path.join(site, 'notes.txt'), "the user's own")
  expect(await resolveSitePath(site, '/notes.txt', FILES)).toBeUndefined()
  expect(await resolveSitePath(site, '/notes.txt', new Set([...FILES, 'notes.txt']))).toBe(path.join(site, 'notes.txt'))
})

describe('requestSegments', () => {
  test('decodes once: a double-encoded dot is a name, not a step up', () => {
    expect(requestSegments('/%252e%252e/x')).toEqual(['%2e%2e', 'x'])
    expect(requestSegments('/a/b/')).toEqual(['a', 'b', ''])
  })
})
