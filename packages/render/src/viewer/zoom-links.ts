/**
 * The viewer's zoom links between the views at every zoom level (`views/zoom-levels.ts`):
 * from each view, in to the next finer view of each element it shows (the landscape's
 * elements to their context views; elsewhere a system to its containers, a container to
 * its components) and out to the view it zooms from. Keyed by the document's diagram
 * names (`view-<key>`), so the page links one section to another with plain anchors.
 */
import { parentOf, type Model } from '@plumbline/core'
import { viewSlugs, zoomViews, type ZoomView } from '../views/zoom-levels.js'

export interface ZoomLink {
  direction: 'in' | 'out'
  /** The diagram name of the view it leads to. */
  diagram: string
  title: string
}

export function zoomLinks(model: Model): Map<string, ZoomLink[]> {
  const slug = viewSlugs(model)
  const views = new Map(zoomViews(model, slug).map((view) => [view.key, view]))
  const link = (direction: ZoomLink['direction'], key: string): ZoomLink[] => {
    const view = views.get(key)
    return view === undefined ? [] : [{ direction, diagram: `view-${view.key}`, title: view.title }]
  }
  const partsKey = (element: string): string =>
    `${parentOf(model, element) === undefined ? 'containers' : 'components'}-${slug(element)}`
  const finer = (view: ZoomView, element: string): string =>
    view.key === 'landscape' ? `context-${slug(element)}` : partsKey(element)
  const coarser = (view: ZoomView): ZoomLink[] => {
    if (view.key.startsWith('context-')) return link('out', 'landscape')
    const element = view.boundaries.at(-1)
    if (element === undefined) return []
    const parent = parentOf(model, element)
    return link('out', parent === undefined ? `context-${slug(element)}` : partsKey(parent))
  }
  return new Map(
    [...views.values()].map((view) => [
      `view-${view.key}`,
      [...coarser(view), ...[...view.shown].flatMap((element) => link('in', finer(view, element)))],
    ]),
  )
}
