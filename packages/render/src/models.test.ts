/**
 * The proof of validity on real models: every model in models/ and in the test fixtures
 * is checked and rendered, and every diagram of its document is parsed by Mermaid 11 and
 * 10 and compared with the model (names shown as written, in the right places).
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { checkSystem } from '@plumbline/core'
import { renderDocument } from './document/document.js'
import { expectDiagramsShowModel } from './testing/model-expectations.js'

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../../..')
const folders = ['models', 'test/fixtures/valid', 'test/fixtures/render']
const modelFiles = folders.flatMap((folder) =>
  readdirSync(path.join(repoRoot, folder))
    .filter((name) => /^[^_.].*\.ts$/u.test(name))
    .map((name) => `${folder}/${name}`),
)

describe.each(modelFiles)('%s', (file) => {
  test('every diagram parses in Mermaid 10 and 11 and shows the model as written', async () => {
    const exported = ((await import(path.join(repoRoot, file))) as { default: unknown }).default
    const check = await checkSystem(exported)
    expect(check.model).toBeDefined()
    if (check.model === undefined) return
    const rendered = renderDocument({ model: check.model, check, source: file })
    const fences = [...rendered.markdown.matchAll(/```mermaid\n([\s\S]*?)```/gu)].map((fence) => fence[1])
    expect(fences).toEqual(rendered.diagrams.map(({ diagram }) => diagram.text))
    await expectDiagramsShowModel(check.model, rendered.diagrams)
  })
})

test('the fixtures cover every model folder', () => {
  expect(modelFiles).toContain('models/accounts.ts')
  expect(modelFiles).toContain('test/fixtures/render/hostile.ts')
})
