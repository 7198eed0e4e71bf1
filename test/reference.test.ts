/**
 * The model reference (packages/core/docs/reference.md) says what it shows: every example
 * loads and checks as documented (the outputs below them are what `plumbline` prints), every
 * model file is run, the examples type-check with the tsconfig.json it documents, and the
 * page ships with @plumbline/core, where its types point.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { inProject, outputOf, REFERENCE, referenceBlocks } from './helpers/reference-blocks.js'
import { repoRoot } from './helpers/run-cli.js'

describe('the model reference', async () => {
  const page = await readFile(REFERENCE, 'utf8')
  const { files, outputs, unmarked } = referenceBlocks(page)

  it('shows every TypeScript example as a file the test runs, and runs every model file', () => {
    expect(unmarked).toBe(0)
    const models = [...files.keys()].filter((file) => file.startsWith('models/'))
    expect(models).toEqual(['models/tickets.ts', 'models/bank.ts', 'models/door.ts', 'models/seats.ts'])
    const run = new Set(outputs.flatMap(({ args }) => args))
    expect(models.filter((model) => !run.has(model))).toEqual([])
  })

  it.each(outputs.map((block) => [block.args.join(' '), block] as const))(
    'plumbline %s prints what the page shows (pnpm readme rewrites it)',
    async (_, block) => {
      const result = await outputOf(block)
      expect(result.stderr).toBe('')
      expect(page.slice(block.start, block.end)).toBe(result.stdout)
    },
  )

  it('type-checks its examples with the tsconfig.json it documents', async () => {
    expect(files.has('tsconfig.json')).toBe(true)
    const tsc = path.join(repoRoot, 'node_modules/.bin/tsc')
    const result = await inProject(files, async (dir) =>
      spawnSync(tsc, ['-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' }),
    )
    expect(result.stdout + result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('ships with @plumbline/core, and its types point at it', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'packages/core/package.json'), 'utf8'))
    expect(manifest.files).toContain('docs/reference.md')
    const types = readFileSync(path.join(repoRoot, 'packages/core/dist/model/types.d.ts'), 'utf8')
    expect(types).toContain('@plumbline/core/docs/reference.md')
    expect(types).not.toContain('DESIGN.md')
  })
})
