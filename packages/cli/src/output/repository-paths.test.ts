import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { findRepositoryRoot, repositoryPath } from './repository-paths.js'

const root = path.resolve('/work/project')

describe('findRepositoryRoot', () => {
  test('is the nearest folder upwards with a .git, a folder or a worktree file alike', () => {
    const exists = (file: string) => file === path.join(root, '.git')
    expect(findRepositoryRoot(path.join(root, 'packages/app'), exists)).toBe(root)
    expect(findRepositoryRoot(root, exists)).toBe(root)
  })

  test('is undefined outside any repository', () => {
    expect(findRepositoryRoot(path.join(root, 'packages/app'), () => false)).toBeUndefined()
  })
})

describe('repositoryPath', () => {
  const cwd = path.join(root, 'packages/app')
  test('names a file shown from a subfolder from the root, with / separators', () => {
    expect(repositoryPath('models/shop.ts', cwd, root)).toBe('packages/app/models/shop.ts')
    expect(repositoryPath(path.join(root, 'models/other.ts'), cwd, root)).toBe('models/other.ts')
  })

  test('leaves the file as shown without a repository, or outside it', () => {
    expect(repositoryPath('models/shop.ts', cwd, undefined)).toBe('models/shop.ts')
    expect(repositoryPath('/elsewhere/shop.ts', cwd, root)).toBe('/elsewhere/shop.ts')
  })
})
