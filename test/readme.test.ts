import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { generatedBlocks, README } from './helpers/readme-blocks.js'

describe('README.md', async () => {
  const readme = await readFile(README, 'utf8')
  const blocks = generatedBlocks(readme)

  it('has its generated parts: the example model, its output, the rules', () => {
    expect(blocks.map((block) => block.marker)).toEqual([
      'readme:file test/fixtures/readme/login.ts',
      'readme:output plumbline check login.ts (in test/fixtures/readme)',
      'readme:rules',
    ])
  })

  it.each(blocks.map((block) => [block.marker, block] as const))(
    '%s is up to date (pnpm readme rewrites it)',
    async (_, block) => {
      expect(readme.slice(block.start, block.end)).toBe(await block.expected())
    },
  )
})
