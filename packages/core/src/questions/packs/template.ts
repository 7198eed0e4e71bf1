/** `{entity}` in a pack's texts and element paths, filled in with the entity's name. */
import { elementPath, type PathSegment, parseElementPath } from '../../model/element-path.js'

const PLACEHOLDER = '{entity}'
/** What `{entity}` becomes while the path is parsed: an identifier no element path of a model starts a segment with. */
const MARKER = '$plumblineEntity'

export function fillText(template: string, entity: string): string {
  return template.replaceAll(PLACEHOLDER, entity)
}

/** The element path's segments with the entity's name in place; undefined when the template is not a path. */
export function fillPath(template: string, entity: string): PathSegment[] | undefined {
  const segments = parseElementPath(template.replaceAll(PLACEHOLDER, MARKER))
  return segments?.map((segment) => (segment === MARKER ? entity : segment))
}

/** The element path with the entity's name in place, quoted as element paths quote names; undefined when the template is not a path. */
export function fillElement(template: string, entity: string): string | undefined {
  const segments = fillPath(template, entity)
  return segments && elementPath(segments)
}
