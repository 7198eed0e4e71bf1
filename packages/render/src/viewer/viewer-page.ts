/**
 * The viewer's pages: one HTML page per system (its diagrams, each finding beside the
 * diagram of the element it names, decisions, open questions) and an index of them.
 * Static HTML for the text, so it reads without scripts; the diagrams and the playback
 * are drawn by `viewer/viewer.js` from the page's JSON island. Every name is encoded
 * (`htmlText`); nothing here runs inline, so a Content-Security-Policy of `script-src
 * 'self'` holds. Pure and deterministic: the same model, the same bytes.
 */
import { explicitDecisions, type Model, type Question } from '@plumbline/core'
import type { RenderedDocument } from '../document/document.js'
import { generatedMarker } from '../document/generated-marker.js'
import { htmlText, jsonIsland } from './html-text.js'
import { viewerData, type ViewerDiagram, type ViewerFinding } from './viewer-data.js'
import { zoomLinks, type ZoomLink } from './zoom-links.js'
import type { Diagnostic } from '@plumbline/core'

/** The site's files the pages refer to, relative to them. */
export const VIEWER_ASSETS = {
  script: 'assets/viewer.js',
  style: 'assets/viewer.css',
  mermaid: 'assets/mermaid.min.js',
} as const

/**
 * Scripts from the site only, no inline script; inline styles for Mermaid's SVG (it
 * writes a `<style>` into each diagram). Also sent as a header by `plumbline serve`.
 */
export const VIEWER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'"

export interface ViewerPageInput {
  model: Model
  diagnostics: readonly Diagnostic[]
  questions: readonly Question[]
  rendered: RenderedDocument
  /** The model file as the user names it. */
  source: string
  /** Where the page listens for "model changed" (plumbline serve); absent for a static site. */
  live?: string
}

export function viewerPage({ model, diagnostics, questions, rendered, source, live }: ViewerPageInput): string {
  const data = viewerData(model, diagnostics, rendered.diagrams)
  const traceDiagrams = new Set(data.findings.flatMap((finding) => finding.traceDiagram ?? []))
  const shown = data.diagrams.filter((diagram) => !traceDiagrams.has(diagram.name))
  const byName = new Map(data.diagrams.map((diagram) => [diagram.name, diagram]))
  const placed = new Set(shown.map((diagram) => diagram.name))
  const unplaced = data.findings.filter((finding) => finding.diagram === undefined || !placed.has(finding.diagram))
  const zooms = zoomLinks(model)
  const zoomNav = (diagram: ViewerDiagram): string[] => {
    const links = (zooms.get(diagram.name) ?? []).filter((link) => placed.has(link.diagram))
    return links.length === 0 ? [] : [zoomList(diagram.title, links)]
  }
  const findingItems = (findings: readonly ViewerFinding[]): string =>
    findings.map((finding) => findingItem(finding, byName)).join('\n')

  const sections = [
    ...shown.map((diagram) =>
      section(
        `d-${diagram.name}`,
        diagram.title,
        [
          ...zoomNav(diagram),
          `<div class="beside">\n${figure(diagram)}\n${aside(
            diagram.title,
            findingItems(data.findings.filter((finding) => finding.diagram === diagram.name)),
          )}\n</div>`,
        ].join('\n'),
      ),
    ),
    ...(unplaced.length === 0
      ? []
      : [section('findings', 'Other findings', `<ul class="findings">\n${findingItems(unplaced)}\n</ul>`)]),
    section('decisions', 'Decisions', decisionsTable(model)),
    section('questions', 'Open questions', questionsList(questions)),
    ...(model.outOfScope.length === 0
      ? []
      : [
          section(
            'out-of-scope',
            'Out of scope',
            `<ul>\n${model.outOfScope.map((item) => `<li>${htmlText(item)}</li>`).join('\n')}\n</ul>`,
          ),
        ]),
  ]
  const navigation = sections.map(({ id, title }) => `<li><a href="#${id}">${htmlText(title)}</a></li>`).join('\n')
  const summary = findingCounts(diagnostics)
  return page({
    title: `${model.name} · Plumbline`,
    source,
    live,
    data: jsonIsland(data),
    body: [
      '<header>',
      '<p><a href="index.html">All systems</a></p>',
      `<h1>${htmlText(model.name)}</h1>`,
      ...(model.description === undefined ? [] : [`<p class="description">${htmlText(model.description)}</p>`]),
      `<p class="source">Drawn from <code>${htmlText(source)}</code>: ${htmlText(summary)}</p>`,
      '</header>',
      `<nav aria-label="Sections">\n<ul>\n${navigation}\n</ul>\n</nav>`,
      `<main>\n${sections.map(({ html }) => html).join('\n')}\n</main>`,
    ].join('\n'),
  })
}

export interface ViewerIndexEntry {
  system: string
  /** The page's file name, `<slug>.html`. */
  file: string
  source: string
  diagnostics: readonly Diagnostic[]
}

export function viewerIndex(entries: readonly ViewerIndexEntry[], live?: string): string {
  const items = entries.map(
    ({ system, file, source, diagnostics }) =>
      `<li><a href="${htmlText(encodeURIComponent(file))}">${htmlText(system)}</a> <code>${htmlText(source)}</code>: ${htmlText(findingCounts(diagnostics))}</li>`,
  )
  return page({
    title: 'Plumbline models',
    live,
    data: undefined,
    body: `<header>\n<h1>Models</h1>\n</header>\n<main>\n<ul class="systems">\n${items.join('\n')}\n</ul>\n</main>`,
  })
}

function page({
  title,
  source,
  live,
  data,
  body,
}: {
  title: string
  /** A model's page names its model file on its second line (`generatedMarker`), as documents do on their first. */
  source?: string
  live: string | undefined
  data: string | undefined
  body: string
}): string {
  return `${[
    '<!doctype html>',
    ...(source === undefined ? [] : [generatedMarker(source)]),
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${htmlText(VIEWER_CSP)}">`,
    '<meta name="color-scheme" content="light dark">',
    ...(live === undefined ? [] : [`<meta name="plumbline-live" content="${htmlText(live)}">`]),
    `<title>${htmlText(title)}</title>`,
    // No icon: else the browser asks the server for /favicon.ico, which the site has not.
    '<link rel="icon" href="data:,">',
    `<link rel="stylesheet" href="${VIEWER_ASSETS.style}">`,
    ...(data === undefined
      ? []
      : [
          `<script src="${VIEWER_ASSETS.mermaid}" defer></script>`,
          `<script type="application/json" id="plumbline-data">${data}</script>`,
        ]),
    `<script src="${VIEWER_ASSETS.script}" defer></script>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ].join('\n')}\n`
}

interface PageSection {
  id: string
  title: string
  html: string
}

function section(id: string, title: string, content: string): PageSection {
  return {
    id,
    title,
    html: `<section id="${htmlText(id)}" aria-labelledby="${htmlText(id)}-title">\n<h2 id="${htmlText(id)}-title">${htmlText(title)}</h2>\n${content}\n</section>`,
  }
}

function figure(diagram: ViewerDiagram): string {
  const fallback = diagram.drawable
    ? '<p class="drawing">Drawing the diagram…</p>'
    : '<p class="too-big">This diagram is past what Mermaid draws (500 edges or 50,000 characters), so it is not drawn.</p>'
  return `<figure class="diagram" data-diagram="${htmlText(diagram.name)}">\n<div class="canvas">${fallback}</div>\n<figcaption>${htmlText(diagram.title)}</figcaption>\n</figure>`
}

/** Plain anchors to the views' sections: they work without the script, under the page's CSP. */
function zoomList(title: string, links: readonly ZoomLink[]): string {
  const items = links.map(
    ({ direction, diagram, title: to }) =>
      `<li><a class="zoom-${direction}" href="#${htmlText(`d-${diagram}`)}">${direction === 'in' ? 'Zoom in' : 'Zoom out'}: ${htmlText(to)}</a></li>`,
  )
  return `<nav class="zoom" aria-label="${htmlText(`Zoom from ${title}`)}">\n<ul>\n${items.join('\n')}\n</ul>\n</nav>`
}

function aside(title: string, items: string): string {
  if (items === '') return '<aside class="findings-beside"><p class="none">No findings here.</p></aside>'
  return `<aside class="findings-beside" aria-label="${htmlText(`Findings on ${title}`)}">\n<ul class="findings">\n${items}\n</ul>\n</aside>`
}

function findingItem(finding: ViewerFinding, diagrams: ReadonlyMap<string, ViewerDiagram>): string {
  const { id, severity, rule, element, message, steps, traceDiagram } = finding
  const trace = traceDiagram === undefined ? undefined : diagrams.get(traceDiagram)
  const lines = [
    `<li class="finding severity-${severity}" id="${id}">`,
    `<button type="button" class="select" data-finding="${id}" aria-pressed="false"><span class="severity">${severity}</span> <code>${htmlText(rule)}</code></button>`,
    `<p class="element"><code>${htmlText(element)}</code></p>`,
    `<p class="message">${htmlText(message)}</p>`,
  ]
  if (steps !== undefined)
    lines.push(
      `<div class="playback" data-finding="${id}" hidden>`,
      `<button type="button" data-step="-1">Previous step</button>`,
      `<button type="button" data-step="1">Next step</button>`,
      `<p class="step" aria-live="polite">${htmlText(steps[0]?.label ?? '')}</p>`,
      '<ul class="changed"></ul>',
      '</div>',
    )
  if (trace !== undefined)
    lines.push(`<details class="trace">\n<summary>Counterexample diagram</summary>\n${figure(trace)}\n</details>`)
  lines.push('</li>')
  return lines.join('\n')
}

function decisionsTable(model: Model): string {
  const decisions = explicitDecisions(model).filter(({ element }) => !element.startsWith('outOfScope'))
  if (decisions.length === 0) return '<p>No decisions recorded.</p>'
  const rows = decisions.map(
    ({ element, decision, because, answers }) =>
      `<tr><td><code>${htmlText(element)}</code>: ${htmlText(decision)}</td><td>${htmlText(because ?? '—')}</td><td>${
        answers.length === 0
          ? '—'
          : answers
              .map(({ rule, element: at }) =>
                at === undefined
                  ? `<code>${htmlText(rule)}</code>, every question`
                  : `<code>${htmlText(rule)}</code> at <code>${htmlText(at)}</code>`,
              )
              .join('; ')
      }</td></tr>`,
  )
  return `<table>\n<thead><tr><th>Decision</th><th>Reason</th><th>Answers</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
}

function questionsList(questions: readonly Question[]): string {
  if (questions.length === 0) return '<p>None: every decision the rules ask for is made.</p>'
  const items = questions.map(
    ({ question, element }) => `<li>${htmlText(question)} (<code>${htmlText(element)}</code>)</li>`,
  )
  return `<ul class="questions">\n${items.join('\n')}\n</ul>`
}

function findingCounts(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']): number =>
    diagnostics.filter((diagnostic) => diagnostic.severity === severity).length
  const word = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`
  return `${word(count('error'), 'error')}, ${word(count('warning'), 'warning')}, ${word(count('info'), 'info')}`
}
