/**
 * The viewer in the real Chromium (/usr/bin/chromium or PLUMBLINE_CHROMIUM), opened from
 * `file://` as a user opens a downloaded site: no console error, no request leaving the
 * site, an SVG for every diagram, playback moving aria-current="step" along a known
 * counterexample, hostile names shown as text. One browser for the file; a screenshot of
 * every page is kept in test/.artifacts/viewer/.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { checkSystem } from '@plumbline/core'
import checkout from '../../../../models/checkout.js'
import accountsNaive from '../../../../test/fixtures/accounts-naive.js'
import bank from '../../../../test/fixtures/render/bank.js'
import hostile from '../../../../test/fixtures/render/hostile.js'
import door from '../../../../test/fixtures/viewer/door.js'
import hostileDoor from '../../../../test/fixtures/viewer/hostile-door.js'
import { allowedHosts } from '../serve/response-policy.js'
import { createSiteServer, LIVE_EVENTS_PATH } from '../serve/site-server.js'
import { findChromium } from '../svg/find-chromium.js'
import { renderModels } from './documents.js'
import { siteFiles } from './site.js'

const artifacts = path.resolve(fileURLToPath(import.meta.url), '../../../../../test/.artifacts/viewer')
const MODELS = {
  'door.ts': door,
  'hostile.ts': hostile,
  'hostile-door.ts': hostileDoor,
  'checkout.ts': checkout,
  'accounts-naive.ts': accountsNaive,
  'bank.ts': bank,
}

let browser: Browser
let site: string
/** The same models' site as `plumbline serve` writes it: pages that listen for reloads. */
let liveSite: string

beforeAll(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'plumbline-viewer-'))
  const systems = await Promise.all(
    Object.entries(MODELS).map(async ([name, exported]) => ({
      file: path.join(site, name),
      shown: name,
      exported,
      fallbackName: name,
      check: await checkSystem(exported),
    })),
  )
  liveSite = await mkdtemp(path.join(tmpdir(), 'plumbline-viewer-live-'))
  const documents = renderModels(systems, site)
  const files = [
    ...(await siteFiles(documents, site, undefined)),
    ...(await siteFiles(documents, liveSite, LIVE_EVENTS_PATH)),
  ]
  for (const { file, content } of files) {
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
  await mkdir(artifacts, { recursive: true })
  browser = await chromium.launch({ executablePath: await findChromium(process.env), args: ['--no-sandbox'] })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await rm(site, { recursive: true, force: true })
  await rm(liveSite, { recursive: true, force: true })
})

interface OpenedPage {
  page: Page
  /** Console errors and uncaught exceptions. */
  errors: string[]
  /** Every URL the page asked for. */
  requests: string[]
}

/** A page of the site, opened from file:// (or the given URL) and drawn. */
async function open(file: string, url = pathToFileURL(path.join(site, file)).href): Promise<OpenedPage> {
  const page = await browser.newPage()
  const errors: string[] = []
  const requests: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(url)
  if (file !== 'index.html') await page.waitForSelector('body[data-drawn="true"]')
  return { page, errors, requests }
}

const PAGES = [
  'index.html',
  'front-door.html',
  'end-hostile-script.html',
  'script-b-door-b.html',
  'checkout.html',
  'accounts-naive.html',
  'bank.html',
]

describe.each(PAGES)('%s', (file) => {
  test('loads from file:// with no console error, no request outside the site, and an SVG per diagram', async () => {
    const { page, errors, requests } = await open(file)
    try {
      expect(errors).toEqual([])
      const inside = pathToFileURL(site).href
      expect(requests.filter((url) => !url.startsWith(`${inside}/`))).toEqual([])
      const figures = await page.locator('figure.diagram').count()
      expect(await page.locator('figure.diagram .canvas[data-drawn="true"] > svg').count()).toBe(figures)
      await page.screenshot({ path: path.join(artifacts, file.replace(/\.html$/u, '.png')), fullPage: true })
    } finally {
      await page.close()
    }
  }, 60_000)
})

test('every diagram of the door is drawn, and its states show as text', async () => {
  const { page } = await open('front-door.html')
  try {
    expect(await page.locator('figure.diagram figcaption').allTextContents()).toEqual([
      'Components',
      'Flow lockUp',
      'Machine door',
      'Counterexample: constraint/violated at machines.door.never.broken',
    ])
    const machine = page.locator('figure[data-diagram="machine-door"] svg')
    for (const state of ['closed', 'open', 'locked', 'bolted', 'broken'])
      await expect(machine.getByText(state, { exact: true }).count()).resolves.toBe(1)
  } finally {
    await page.close()
  }
}, 60_000)

test('playback moves aria-current="step" from state to state along the counterexample, by button and arrow key', async () => {
  const { page } = await open('front-door.html')
  try {
    const current = async (): Promise<string[]> =>
      page
        .locator('figure[data-diagram="machine-door"] [aria-current="step"]')
        .evaluateAll((nodes) => nodes.map((node) => node.textContent?.trim() ?? ''))
    const step = page.locator('.playback:not([hidden]) .step')
    const currentMessage = (): Promise<string[]> =>
      page.locator('figure[data-diagram="trace-1"] [aria-current="step"]').allTextContents()

    expect(await current()).toEqual(['closed'])
    expect(await step.textContent()).toBe('Initial state (0 of 2)')
    await expect(page.getByRole('button', { name: 'Previous step' }).isDisabled()).resolves.toBe(true)

    await page.getByRole('button', { name: 'Next step' }).click()
    expect(await current()).toEqual(['bolted'])
    expect(await step.textContent()).toBe('Step 1 of 2: LOCK')
    expect(await currentMessage()).toEqual(['LOCK'])
    expect(await page.locator('.playback:not([hidden]) .changed li').allTextContents()).toEqual([
      'state: "closed" → {"locked":"bolted"}',
    ])

    await page.getByRole('button', { name: 'Next step' }).click()
    expect(await current()).toEqual(['broken'])
    expect(await currentMessage()).toEqual(['FORCE'])
    await expect(page.getByRole('button', { name: 'Next step' }).isDisabled()).resolves.toBe(true)

    await page.keyboard.press('ArrowLeft')
    expect(await current()).toEqual(['bolted'])
    await page.keyboard.press('ArrowLeft')
    expect(await current()).toEqual(['closed'])
    await page.keyboard.press('ArrowRight')
    expect(await current()).toEqual(['bolted'])
  } finally {
    await page.close()
  }
}, 60_000)

test("a store's counterexample plays back in its trace diagram, with the fields each step changed", async () => {
  const { page } = await open('accounts-naive.html')
  try {
    const player = page.locator('.playback:not([hidden])')
    const trace = page.locator('figure[data-diagram="trace-1"]')
    for (let step = 0; step < 3; step++) await player.getByRole('button', { name: 'Next step' }).click()
    expect(await player.locator('.step').textContent()).toBe(
      'Step 3 of 3: resetPassword {"email":"ann@example.org","password":"new secret"}',
    )
    expect(await player.locator('.changed li').allTextContents()).toEqual([
      'users[0].password: "secret" → "new secret"',
      'users[1].password: "secret" → "new secret"',
    ])
    expect(await trace.locator('[aria-current="step"]').allTextContents()).toEqual([
      'resetPassword {"email":"ann@example.org","password":"new secret"}',
    ])
    expect(await trace.isVisible()).toBe(true)
  } finally {
    await page.close()
  }
}, 60_000)

test('the theme follows the system setting, light or dark', async () => {
  const { page, errors } = await open('front-door.html')
  try {
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    const stateFill = (): Promise<string> =>
      page
        .locator('figure[data-diagram="machine-door"] g[id*="-state-s_open-"] rect')
        .first()
        .evaluate((rect) => getComputedStyle(rect).fill)
    expect(await background()).toBe('rgb(255, 255, 255)')
    const lightFill = await stateFill()
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await background()).toBe('rgb(21, 22, 26)')
    // Mermaid draws again in its dark theme.
    await expect.poll(stateFill).not.toBe(lightFill)
    expect(errors).toEqual([])
  } finally {
    await page.close()
  }
}, 60_000)

test('playback finds the current states by hostile names, one per parallel region', async () => {
  const { page } = await open('script-b-door-b.html')
  try {
    expect(await page.locator('h1').textContent()).toBe('</script><b>door</b>')
    // The state's name, without the mark the diagram may add (`off (deadlock)`).
    const current = async (): Promise<string[]> =>
      (
        await page
          .locator('figure[data-diagram^="machine-"] [aria-current="step"]')
          .evaluateAll((nodes) => nodes.map((node) => node.textContent?.trim() ?? ''))
      ).map((label) => label.replace(/ \((?:deadlock|unreachable)\)$/u, ''))
    expect(await current()).toEqual(['end', 'off'])
    await page.getByRole('button', { name: 'Next step' }).click()
    expect(await current()).toEqual(['a "b" %%', 'off'])
    await page.getByRole('button', { name: 'Next step' }).click()
    expect(await current()).toEqual(['🚪 שלום', 'off'])
    expect(await page.locator('.playback:not([hidden]) .step').textContent()).toBe('Step 2 of 2: x"y')
  } finally {
    await page.close()
  }
}, 60_000)

test('selecting a finding highlights the element it names in its diagram', async () => {
  const { page } = await open('accounts-naive.html')
  try {
    const finding = page.locator('li.finding', { hasText: 'identity/uniqueness-undecided' })
    await finding.getByRole('button').click()
    await expect(finding.getByRole('button').getAttribute('aria-pressed')).resolves.toBe('true')
    const selected = page.locator('figure[data-diagram="entities"] g.pl-selected')
    expect(await selected.count()).toBe(1)
    expect(await selected.locator('text, span, p').first().textContent()).toBe('User')
  } finally {
    await page.close()
  }
}, 60_000)

test('a zoom link scrolls to the view it names', async () => {
  const { page } = await open('bank.html')
  try {
    const target = page.locator('#d-view-components-API-Application')
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await expect(target.evaluate((section) => section.getBoundingClientRect().top)).resolves.toBeLessThan(0)
    await page
      .getByRole('navigation', { name: 'Zoom from Containers of Internet Banking System' })
      .getByRole('link', { name: 'Zoom in: Components of API Application' })
      .click()
    expect(new URL(page.url()).hash).toBe('#d-view-components-API-Application')
    // At the top of the viewport: the browser followed the anchor.
    await expect(target.evaluate((section) => section.getBoundingClientRect().top)).resolves.toBeCloseTo(0, 0)
    expect(await target.locator('figure.diagram .canvas[data-drawn="true"] > svg').isVisible()).toBe(true)
  } finally {
    await page.close()
  }
}, 60_000)

test('hostile names show as text, never as markup', async () => {
  const { page } = await open('end-hostile-script.html')
  try {
    expect(await page.locator('h1').textContent()).toBe('end; %% "hostile" <script>')
    expect(await page.locator('.description').textContent()).toBe(
      '<script>alert(1)</script> *not bold* [not a link](http://example.com) :smile: $x$\n- not a list',
    )
    expect(await page.title()).toBe('end; %% "hostile" <script> · Plumbline')
    // The page's own scripts only, and no element a name could have made.
    expect(
      await page.locator('script[src]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src'))),
    ).toEqual(['assets/mermaid.min.js', 'assets/viewer.js'])
    expect(await page.locator('script:not([src])').count()).toBe(1)
    expect(await page.locator('main b, main img, main i, main a').count()).toBe(0)
    const machine = page.locator('figure[data-diagram^="machine-"] svg')
    for (const state of ['state', 'class "a"', '<b>bold</b>', 'x #1; ok'])
      await expect(machine.getByText(state, { exact: true }).count()).resolves.toBeGreaterThan(0)
    expect(await page.locator('figcaption').allTextContents()).toContain('Flow loop; alt')
    expect(await page.locator('#decisions td').first().textContent()).toBe('decisions["a | b"]: keep `this` | that')
    // A finding on a flow step highlights that step's message.
    const finding = page.locator('li.finding', { hasText: 'error/unhandled' })
    await finding.getByRole('button').click()
    expect(await page.locator('figure[data-diagram^="flow-"] text.messageText.pl-selected').allTextContents()).toEqual([
      'click call',
    ])
  } finally {
    await page.close()
  }
}, 60_000)

test('served as plumbline serve serves it, under its Content-Security-Policy: no console error, and a reload on change', async () => {
  let hosts = new Set<string>()
  const files = new Set(
    (await siteFiles(renderModels([], liveSite), liveSite, LIVE_EVENTS_PATH)).map(({ file }) =>
      path.relative(liveSite, file),
    ),
  )
  files.add('front-door.html')
  const server = createSiteServer(
    liveSite,
    () => hosts,
    () => files,
  )
  const port = await server.listen('127.0.0.1', 0)
  hosts = allowedHosts(undefined, port)
  const { page, errors, requests } = await open('front-door.html', `http://127.0.0.1:${port}/front-door.html`)
  try {
    expect(await page.locator('figure.diagram .canvas[data-drawn="true"] > svg').count()).toBe(4)
    await expect.poll(() => requests.includes(`http://127.0.0.1:${port}${LIVE_EVENTS_PATH}`)).toBe(true)
    const reloaded = page.waitForEvent('load')
    server.reload()
    await reloaded
    await page.waitForSelector('body[data-drawn="true"]')
    expect(errors).toEqual([])
    expect(requests.filter((url) => !url.startsWith(`http://127.0.0.1:${port}/`))).toEqual([])
  } finally {
    await page.close()
    await server.close()
  }
}, 60_000)
