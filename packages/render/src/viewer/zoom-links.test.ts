import { checkSystem } from '@plumbline/core'
import { describe, expect, test } from 'vitest'
import bank from '../../../../test/fixtures/render/bank.js'
import { renderDocument } from '../document/document.js'
import { bankModel } from '../testing/fixture-models.js'
import { viewerPage } from './viewer-page.js'
import { zoomLinks } from './zoom-links.js'

describe('zoomLinks', () => {
  test('each view links in to the next finer view of what it shows and out to the view it zooms from', async () => {
    const links = Object.fromEntries(
      [...zoomLinks(await bankModel())].map(([view, to]) => [
        view,
        to.map(({ direction, diagram }) => `${direction} ${diagram}`),
      ]),
    )
    expect(links).toEqual({
      'view-landscape': ['in view-context-Internet-Banking-System'],
      'view-context-Internet-Banking-System': ['out view-landscape', 'in view-containers-Internet-Banking-System'],
      'view-containers-Internet-Banking-System': [
        'out view-context-Internet-Banking-System',
        'in view-components-API-Application',
      ],
      'view-components-API-Application': ['out view-containers-Internet-Banking-System'],
    })
  })

  test("the page shows them beside each view as anchors to the views' sections", async () => {
    const check = await checkSystem(bank)
    if (check.model === undefined) throw new Error('bank does not validate')
    const rendered = renderDocument({ model: check.model, check, source: 'bank.ts' })
    const html = viewerPage({ ...check, model: check.model, rendered, source: 'bank.ts' })
    const section = html.slice(html.indexOf('<section id="d-view-containers-Internet-Banking-System"'))
    expect(section.slice(0, section.indexOf('<div class="beside">'))).toBe(
      [
        '<section id="d-view-containers-Internet-Banking-System" aria-labelledby="d-view-containers-Internet-Banking-System-title">',
        '<h2 id="d-view-containers-Internet-Banking-System-title">Containers of Internet Banking System</h2>',
        '<nav class="zoom" aria-label="Zoom from Containers of Internet Banking System">',
        '<ul>',
        '<li><a class="zoom-out" href="#d-view-context-Internet-Banking-System">Zoom out: Context of Internet Banking System</a></li>',
        '<li><a class="zoom-in" href="#d-view-components-API-Application">Zoom in: Components of API Application</a></li>',
        '</ul>',
        '</nav>',
        '',
      ].join('\n'),
    )
    // The four views have them; the deployment diagrams do not.
    expect(html.match(/<nav class="zoom"/gu)).toHaveLength(4)
  })
})
