/**
 * SVG drawn in the real Chromium (/usr/bin/chromium or PLUMBLINE_CHROMIUM; CI installs
 * it), then read back in the browser: well-formed XML whose displayed text holds the
 * model's names exactly as written.
 */
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { checkSystem, type Model } from '@plumbline/core'
import { renderDocument } from '@plumbline/render'
import hostile from '../../../../test/fixtures/render/hostile.js'
import shop from '../../../../test/fixtures/render/shop.js'
import { buildModel, modelNames } from '../../../render/src/testing/arbitrary-models.js'
import { withoutWordJoiners } from '../../../render/src/testing/mermaid.js'
import { noteShown, stepText } from '../../../render/src/testing/model-expectations.js'
import { findChromium } from './find-chromium.js'
import { openMermaidSvgRenderer, xmlSafe, type MermaidSvgRenderer } from './mermaid-svg.js'
import { svgPackages } from './svg-packages.js'

let renderer: MermaidSvgRenderer
/** Mermaid 10, as GitLab drew it before 19.0: documents must show the same there. */
let renderer10: MermaidSvgRenderer
let browser: Browser
let reader: Page

beforeAll(async () => {
  const executablePath = await findChromium(process.env)
  renderer = await openMermaidSvgRenderer(executablePath, svgPackages().mermaidBundle)
  renderer10 = await openMermaidSvgRenderer(
    executablePath,
    createRequire(import.meta.url).resolve('mermaid10/dist/mermaid.min.js'),
  )
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
  reader = await browser.newPage()
}, 60_000)

afterAll(async () => {
  await renderer?.close()
  await renderer10?.close()
  await browser?.close()
})

/** The SVG parsed as XML in the browser: the parser's complaint, its text nodes, element names and on* attributes. */
async function readSvg(
  svg: string,
): Promise<{ error: string | undefined; texts: string[]; elements: string[]; handlers: string[] }> {
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
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
      if (node.data.trim() !== '') texts.push(node.data)
    const all = [...document.querySelectorAll('*')]
    const elements = all.map((element) => element.localName)
    const handlers = all.flatMap((element) =>
      element.getAttributeNames().filter((attribute) => attribute.toLowerCase().startsWith('on')),
    )
    return { error, texts, elements, handlers }
  }, svg)
}

async function modelOf(system: unknown): Promise<Model> {
  const { model } = await checkSystem(system)
  if (model === undefined) throw new Error('fixture does not validate')
  return model
}

/** Labels that must each be one displayed text, exactly as written (one line of it each). */
function labelsShown(model: Model, diagram: string): string[] {
  const flows = Object.values(model.flows)
  const steps = flows.flatMap((flow) => flow.steps)
  if (diagram === 'components')
    return [
      ...Object.keys(model.components),
      ...Object.entries(model.zones).map(([zone, { trust }]) => `${zone} (trust ${trust})`),
      ...steps.map(stepText),
    ]
  if (diagram === 'entities') return [...Object.keys(model.entities)]
  if (diagram.startsWith('flow-'))
    return [
      ...steps.flatMap((step) => [step.from, step.to, stepText(step)]),
      ...steps.flatMap((step) => Object.values(step.onError ?? {}).map(noteShown)),
      ...steps.flatMap((step) => (step.onFailure === undefined ? [] : [noteShown(step.onFailure)])),
    ]
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

/** Every diagram of each model drawn in one page (by Mermaid 11 and 10), read back, and checked against the model. */
async function expectSvgsShowModels(models: readonly Model[]): Promise<void> {
  for (const drawer of [renderer, renderer10]) await expectSvgsDrawnBy(drawer, models)
}

async function expectSvgsDrawnBy(drawer: MermaidSvgRenderer, models: readonly Model[]): Promise<void> {
  const documents = models.map((model) =>
    renderDocument({ model, source: 'model.ts', check: { diagnostics: [], questions: [], exploration: [] } }),
  )
  const diagrams = documents.flatMap(({ diagrams }, index) =>
    diagrams.map(({ name, diagram }) => ({ model: models[index] as Model, name, diagram })),
  )
  const svgs = await drawer.render(
    diagrams.map(({ name, diagram }, index) => ({ text: diagram.text, id: `d${index} ${name}` })),
  )
  for (const [index, { model, name }] of diagrams.entries()) {
    const svg = svgs[index] ?? ''
    expect(svg.startsWith(`<svg id="d${index}-`)).toBe(true)
    const { error, texts: shown, elements, handlers } = await readSvg(svg)
    const texts = shown.map(withoutWordJoiners)
    expect(error).toBeUndefined()
    for (const label of labelsShown(model, name).map(xmlSafe)) {
      // A label is one displayed text, or (where Mermaid breaks it) one text a line.
      const lines = label.split('\n').filter((line) => line.trim() !== '')
      const shownWhole = texts.includes(label) || lines.every((line) => texts.includes(line))
      expect(
        shownWhole,
        `${name}: ${JSON.stringify(label)} in ${JSON.stringify(texts.filter((text) => !text.includes('{')))}`,
      ).toBe(true)
    }
    // Nothing a label held became markup: no script, link, image or event handler.
    expect(elements.filter((element) => ['script', 'a', 'img', 'iframe', 'b'].includes(element))).toEqual([])
    expect(handlers).toEqual([])
  }
}

describe.each([
  ['shop', shop],
  ['hostile', hostile],
])('the %s fixture', (_, system) => {
  test('every diagram renders in Chromium to well-formed SVG that shows the names as written', async () => {
    await expectSvgsShowModels([await modelOf(system)])
  }, 60_000)
})

test('models with random hostile names render to SVG that shows each name as written', async () => {
  const models = fc.sample(modelNames, { numRuns: 12, seed: 20_261_125 }).map(buildModel)
  await expectSvgsShowModels(models)
}, 120_000)

test('block labels show whole: no name cut inside an entity code where Mermaid wraps it', async () => {
  const model = await modelOf({
    name: 'orders',
    components: { order_api: {}, orders_db: { kind: 'datastore' } },
    contracts: {
      save: {
        from: 'order_api',
        to: 'orders_db',
        errors: { EMAIL_ALREADY_TAKEN: z.object({}), OutOfStock: z.object({}) },
      },
    },
    flows: {
      place: {
        steps: [
          {
            from: 'order_api',
            to: 'orders_db',
            contract: 'save',
            onError: { EMAIL_ALREADY_TAKEN: 'retry', OutOfStock: 'tell' },
            onFailure: 'roll back',
          },
        ],
      },
    },
  })
  const { diagrams } = renderDocument({
    model,
    source: 'orders.ts',
    check: { diagnostics: [], questions: [], exploration: [] },
  })
  const flow = diagrams.find((diagram) => diagram.name === 'flow-place')?.diagram.text ?? ''
  for (const drawer of [renderer, renderer10]) {
    const [svg = ''] = await drawer.render([{ text: flow, id: 'place' }])
    const { texts } = await readSvg(svg)
    expect(texts.filter((text) => text.startsWith('[') || text.endsWith(']'))).toEqual([
      '[error]',
      '[OutOfStock]',
      '[fails]',
    ])
    expect(texts).toContain('EMAIL_ALREADY_TAKEN')
  }
}, 60_000)

test('the same diagram renders to the same bytes, in one browser and in the next', async () => {
  const { diagrams } = renderDocument({
    model: await modelOf(shop),
    source: 'shop.ts',
    check: { diagnostics: [], questions: [], exploration: [] },
  })
  const machine = diagrams.find((diagram) => diagram.name === 'machine-order')?.diagram.text ?? ''
  const [first] = await renderer.render([{ text: machine, id: 'order' }])
  expect(await renderer.render([{ text: machine, id: 'order' }])).toEqual([first])
  const another = await openMermaidSvgRenderer(await findChromium(process.env), svgPackages().mermaidBundle)
  try {
    expect(await another.render([{ text: machine, id: 'order' }])).toEqual([first])
  } finally {
    await another.close()
  }
}, 60_000)

test('a diagram Mermaid rejects rejects', async () => {
  await expect(renderer.render([{ text: 'stateDiagram-v2\n  a --> : :', id: 'bad' }])).rejects.toThrow(/Parse error/u)
})
