/**
 * SVG drawn in the real Chromium (/usr/bin/chromium or PLUMBLINE_CHROMIUM; CI installs
 * it), then read back in the browser: well-formed XML whose displayed text holds the
 * model's names exactly as written.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { checkSystem, type Model } from '@plumbline/core'
import { renderDocument } from '@plumbline/render'
import hostile from '../../../../test/fixtures/render/hostile.js'
import shop from '../../../../test/fixtures/render/shop.js'
import { findChromium } from './find-chromium.js'
import { openMermaidSvgRenderer, type MermaidSvgRenderer } from './mermaid-svg.js'

let renderer: MermaidSvgRenderer
let browser: Browser
let reader: Page

beforeAll(async () => {
  const executablePath = await findChromium(process.env)
  renderer = await openMermaidSvgRenderer(executablePath)
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
  reader = await browser.newPage()
}, 60_000)

afterAll(async () => {
  await renderer?.close()
  await browser?.close()
})

/** The SVG parsed as XML in the browser: the parser's complaint, its text nodes, element names and on* attributes. */
async function readSvg(svg: string): Promise<{ error: string | undefined; texts: string[]; elements: string[]; handlers: string[] }> {
  return reader.evaluate((source) => {
    const scope = globalThis as unknown as {
      DOMParser: new () => { parseFromString(text: string, type: string): SvgDocument }
    }
    interface SvgDocument {
      querySelector(selector: string): { textContent: string } | null
      querySelectorAll(selector: string): Iterable<{ localName: string; getAttributeNames(): string[] }>
      createTreeWalker(root: unknown, filter: number): { nextNode(): { data: string } | null }
      documentElement: unknown
    }
    const document = new scope.DOMParser().parseFromString(source, 'image/svg+xml')
    const error = document.querySelector('parsererror')?.textContent ?? undefined
    const walker = document.createTreeWalker(document.documentElement, 4 /* NodeFilter.SHOW_TEXT */)
    const texts: string[] = []
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) if (node.data.trim() !== '') texts.push(node.data)
    const all = [...document.querySelectorAll('*')]
    const elements = all.map((element) => element.localName)
    const handlers = all.flatMap((element) => element.getAttributeNames().filter((attribute) => attribute.toLowerCase().startsWith('on')))
    return { error, texts, elements, handlers }
  }, svg)
}

async function modelOf(system: unknown): Promise<Model> {
  const { model } = await checkSystem(system)
  if (model === undefined) throw new Error('fixture does not validate')
  return model
}

/** Names that must each be one displayed text, exactly as written (one line of it each). */
function namesShown(model: Model, diagram: string): string[] {
  const flows = Object.values(model.flows)
  if (diagram === 'components') return [...Object.keys(model.components)]
  if (diagram === 'entities') return [...Object.keys(model.entities)]
  if (diagram.startsWith('flow-'))
    return flows.flatMap((flow) => [
      ...flow.steps.flatMap((step) => [step.from, step.to]),
      ...flow.steps.flatMap((step) => Object.values(step.onError ?? {})),
      ...flow.steps.flatMap((step) => (step.onFailure === undefined ? [] : [step.onFailure])),
    ])
  if (diagram.startsWith('machine-'))
    return Object.values(model.machines).flatMap(({ machine }) => {
      const keys: string[] = []
      const visit = (node: typeof machine.root): void => {
        for (const [key, child] of Object.entries(node.states)) {
          keys.push(key)
          visit(child)
        }
      }
      visit(machine.root)
      return keys
    })
  return []
}

describe.each([
  ['shop', shop],
  ['hostile', hostile],
])('the %s fixture', (_, system) => {
  test('every diagram renders in Chromium to well-formed SVG that shows the names as written', async () => {
    const model = await modelOf(system)
    const { diagrams } = renderDocument({ model, source: 'fixture.ts', check: { diagnostics: [], questions: [], exploration: [] } })
    expect(diagrams.length).toBeGreaterThanOrEqual(4)
    const svgs = await renderer.render(diagrams.map(({ name, diagram }) => ({ text: diagram.text, id: `fixture ${name}` })))
    for (const [index, { name }] of diagrams.entries()) {
      const svg = svgs[index] ?? ''
      expect(svg.startsWith(`<svg id="fixture-${name}" `)).toBe(true)
      const { error, texts, elements, handlers } = await readSvg(svg)
      expect(error).toBeUndefined()
      const lines = namesShown(model, name).flatMap((label) => label.split('\n'))
      for (const line of lines) expect(texts, `${name}: ${JSON.stringify(line)}`).toContain(line)
      // Nothing a label held became markup: no script, link, image or event handler.
      expect(elements.filter((element) => ['script', 'a', 'img', 'iframe', 'b'].includes(element))).toEqual([])
      expect(handlers).toEqual([])
    }
  }, 60_000)
})

test('the same diagram renders to the same bytes, in one browser and in the next', async () => {
  const { diagrams } = renderDocument({ model: await modelOf(shop), source: 'shop.ts', check: { diagnostics: [], questions: [], exploration: [] } })
  const machine = diagrams.find((diagram) => diagram.name === 'machine-order')?.diagram.text ?? ''
  const [first] = await renderer.render([{ text: machine, id: 'order' }])
  expect(await renderer.render([{ text: machine, id: 'order' }])).toEqual([first])
  const another = await openMermaidSvgRenderer(await findChromium(process.env))
  try {
    expect(await another.render([{ text: machine, id: 'order' }])).toEqual([first])
  } finally {
    await another.close()
  }
}, 60_000)

test('a diagram Mermaid rejects rejects', async () => {
  await expect(renderer.render([{ text: 'stateDiagram-v2\n  a --> : :', id: 'bad' }])).rejects.toThrow(/Parse error/u)
})
