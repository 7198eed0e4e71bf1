/**
 * SVG drawn by Mermaid itself, in one headless Chromium for the whole run (launching
 * takes ~0.25 s, loading Mermaid into a page ~0.4 s, then ~40 ms a diagram). Offline:
 * every request the page would make is refused, and Mermaid comes from the installed
 * package. Deterministic: Mermaid names elements with counters that live as long as its
 * page and with Math.random, so every set of diagrams starts in a freshly loaded page,
 * and Math.random is a fixed sequence restarted for every diagram.
 */
import { mkdtemp, rm } from 'node:fs/promises'
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

interface SvgDiagram {
  text: string
  /** Names the SVG's root element and prefixes its styles, so SVGs can share an HTML page. */
  id: string
}

export interface MermaidSvgRenderer {
  /**
   * Each diagram as a standalone SVG document (well-formed XML). The result depends on
   * these diagrams alone (one document's, say), not on what was drawn before. Rejects
   * where Mermaid does.
   */
  render(diagrams: readonly SvgDiagram[]): Promise<string[]>
  close(): Promise<void>
}

/** `mermaidBundle`: the path of the Mermaid build to draw with (`svgPackages()` finds the installed one; tests draw with 10 too). */
export async function openMermaidSvgRenderer(
  executablePath: string,
  mermaidBundle: string,
): Promise<MermaidSvgRenderer> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'plumbline-chromium-'))
  let context: BrowserContext | undefined
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
    })
    await context.route('**/*', (route) => route.abort())
    const page = context.pages()[0] ?? (await context.newPage())
    const opened = context
    return {
      render: async (diagrams) => {
        await loadMermaid(page, mermaidBundle)
        const svgs: string[] = []
        for (const { text, id } of diagrams)
          svgs.push(xmlSafe(await renderInPage(page, text, id.replace(/[^A-Za-z0-9_-]/gu, '-'))))
        return svgs
      },
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

/** Characters XML 1.0 cannot hold (most control characters, which a label may): U+FFFD in the SVG. */
const NOT_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

export function xmlSafe(svg: string): string {
  return svg.replace(NOT_IN_XML, '\uFFFD')
}

async function loadMermaid(page: Page, bundle: string): Promise<void> {
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>')
  await page.addScriptTag({ path: bundle })
}

/** What the page function uses of the page's globals (this package has no DOM types). */
interface PageGlobals {
  Math: { random: () => number }
  mermaid: { initialize(config: object): void; render(id: string, text: string): Promise<{ svg: string }> }
  document: { createElement(tag: string): { innerHTML: string; firstElementChild: unknown } }
  XMLSerializer: new () => { serializeToString(node: unknown): string }
}

async function renderInPage(page: Page, text: string, id: string): Promise<string> {
  return page.evaluate(
    async ({ diagram, id }) => {
      const scope = globalThis as unknown as PageGlobals
      // Mermaid names some elements with Math.random(): a fixed sequence makes the SVG reproducible.
      let seed = 1
      scope.Math.random = () => {
        seed = (seed * 16_807) % 2_147_483_647
        return (seed - 1) / 2_147_483_646
      }
      scope.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', deterministicIds: true })
      const { svg } = await scope.mermaid.render(id, diagram)
      // Mermaid's SVG is HTML (unclosed <br> in labels): parsed as HTML, serialised as XML.
      const holder = scope.document.createElement('div')
      holder.innerHTML = svg
      return new scope.XMLSerializer().serializeToString(holder.firstElementChild)
    },
    { diagram: text, id },
  )
}
