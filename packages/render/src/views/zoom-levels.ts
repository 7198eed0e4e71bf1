/**
 * The architecture at every zoom level (the C4 model's views), as data: which elements a
 * view draws as nodes, which it opens up as boundaries (subgraphs holding their parts), and
 * the relations between what it draws, rolled up (`relationsAmong`). Drawn by `view-diagram.ts`.
 *
 * - the landscape: every top-level element (people, systems, anything not part of another);
 * - a context view per system: the system and the top-level elements it has a relation with;
 * - a parts view per element with parts: a system's containers, a container's components
 *   (any depth), inside the boundaries of the element and its ancestors, with the elements
 *   around them that have a relation with one of the parts.
 */
import {
  ancestorsOf,
  childrenOf,
  hasParts,
  kindOf,
  parentOf,
  relationsAmong,
  type Model,
  type Relation,
} from '@plumbline/core'
import { distinctSlugs } from '../document/file-names.js'

export interface ZoomView {
  /** Unique within the document, usable as a file name and a block name: `landscape`, `containers-banking`. */
  key: string
  title: string
  /** Elements opened up as subgraphs, outermost first. */
  boundaries: readonly string[]
  /** Elements drawn as nodes. */
  shown: ReadonlySet<string>
  relations: readonly Relation[]
}

export function zoomViews(model: Model, slug: (name: string) => string): ZoomView[] {
  const topLevel = childrenOf(model, undefined)
  const views: ZoomView[] = [view('landscape', 'Landscape', [], new Set(topLevel), model)]
  for (const system of topLevel.filter((element) => kindOf(model, element) === 'system' || hasParts(model, element))) {
    const related = relatedTo(model, new Set(topLevel), new Set([system]))
    views.push(view(`context-${slug(system)}`, `Context of ${system}`, [], new Set([system, ...related]), model))
  }
  for (const element of Object.keys(model.components).filter((id) => hasParts(model, id))) {
    const parts = childrenOf(model, element)
    const around = [element, ...ancestorsOf(model, element)].flatMap((inner) =>
      childrenOf(model, parentOf(model, inner)).filter((sibling) => sibling !== inner),
    )
    const related = relatedTo(model, new Set([...parts, ...around]), new Set(parts))
    const boundaries = [...ancestorsOf(model, element).reverse(), element]
    const title = parentOf(model, element) === undefined ? `Containers of ${element}` : `Components of ${element}`
    const key = `${parentOf(model, element) === undefined ? 'containers' : 'components'}-${slug(element)}`
    views.push(view(key, title, boundaries, new Set([...parts, ...related]), model))
  }
  return views
}

/** Each element's slug in view keys: distinct over all the model's elements. */
export function viewSlugs(model: Model): (element: string) => string {
  const elements = Object.keys(model.components)
  const slugs = new Map(distinctSlugs(elements).map((slug, index) => [elements[index], slug]))
  return (element) => slugs.get(element) ?? element
}

function view(key: string, title: string, boundaries: string[], shown: Set<string>, model: Model): ZoomView {
  return { key, title, boundaries, shown, relations: relationsAmong(model, shown) }
}

/** The elements of `candidates` outside `inner` that a relation (rolled up over `candidates`) links with one in `inner`. */
function relatedTo(model: Model, candidates: ReadonlySet<string>, inner: ReadonlySet<string>): string[] {
  const related = new Set<string>()
  for (const { from, to } of relationsAmong(model, candidates)) {
    if (inner.has(from) && !inner.has(to)) related.add(to)
    if (inner.has(to) && !inner.has(from)) related.add(from)
  }
  return [...candidates].filter((element) => related.has(element))
}
