/**
 * SVG drawn by Mermaid itself, in one headless Chromium for the whole run (launching
 * takes ~0.25 s and loading Mermaid ~1.2 s; then ~35 ms a diagram). Offline: every
 * request the page would make is refused, and Mermaid comes from the installed package.
 * Deterministic: Mermaid's random ids come from a generator reset for every diagram.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

/** The launch flags: headless, no sandbox (containers, CI), and nothing that phones home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface MermaidSvgRenderer {
  /** The diagram as a standalone SVG document (well-formed XML). Rejects where Mermaid does. */
  render(mermaidText: string): Promise<string>
  close(): Promise<void>
}

export async function openMermaidSvgRenderer(executablePath: string): Promise<MermaidSvgRenderer> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'plumbline-chromium-'))
  let context: BrowserContext | undefined
  try {
    context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: CHROMIUM_ARGS })
    await context.route('**/*', (route) => route.abort())
    const page = context.pages()[0] ?? (await context.newPage())
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>')
    await page.addScriptTag({ path: mermaidBundle() })
    const opened = context
    return {
      render: (text) => renderInPage(page, text),
      close: async () => {
        await opened.close()
        await rm(userDataDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await context?.close().catch(() => undefined)
    await rm(userDataDir, { recursive: true, force: true })
    throw error
  }
}

function mermaidBundle(): string {
  return createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js')
}

/** What the page function uses of the page's globals (this package has no DOM types). */
interface PageGlobals {
  Math: { random: () => number }
  mermaid: { initialize(config: object): void; render(id: string, text: string): Promise<{ svg: string }> }
  document: { createElement(tag: string): { innerHTML: string; firstElementChild: unknown } }
  XMLSerializer: new () => { serializeToString(node: unknown): string }
}

async function renderInPage(page: Page, text: string): Promise<string> {
  return page.evaluate(async (diagram) => {
    const scope = globalThis as unknown as PageGlobals
    // Mermaid names some elements with Math.random(): a fixed sequence makes the SVG reproducible.
    let seed = 1
    scope.Math.random = () => {
      seed = (seed * 16_807) % 2_147_483_647
      return (seed - 1) / 2_147_483_646
    }
    scope.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', deterministicIds: true })
    const { svg } = await scope.mermaid.render('plumbline', diagram)
    // Mermaid's SVG is HTML (unclosed <br> in labels): parsed as HTML, serialised as XML.
    const holder = scope.document.createElement('div')
    holder.innerHTML = svg
    return new scope.XMLSerializer().serializeToString(holder.firstElementChild)
  }, text)
}
