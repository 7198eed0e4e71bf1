/**
 * `partOf` must make a tree: an element part of itself, directly or through others, has no
 * level to be drawn at. Each cycle is reported once, at the `partOf` of its first element
 * in declaration order, naming the whole loop.
 */
import type { PathSegment } from '../model/element-path.js'
import type { Model } from '../model/model.js'
import { own } from '../model/own.js'

export function partOfCycles(model: Model): Array<{ path: PathSegment[]; message: string }> {
  const reported = new Set<string>()
  const cycles: Array<{ path: PathSegment[]; message: string }> = []
  for (const start of Object.keys(model.components)) {
    const chain: string[] = []
    let current: string | undefined = start
    while (current !== undefined && !chain.includes(current) && !reported.has(current)) {
      chain.push(current)
      const parent: string | undefined = own(model.components, current)?.partOf
      current = parent !== undefined && own(model.components, parent) !== undefined ? parent : undefined
    }
    if (current === undefined || reported.has(current)) {
      for (const element of chain) reported.add(element)
      continue
    }
    const loop = chain.slice(chain.indexOf(current))
    for (const element of chain) reported.add(element)
    const first = Object.keys(model.components).find((element) => loop.includes(element)) ?? current
    const rotated = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first))]
    cycles.push({
      path: ['components', first, 'partOf'],
      message: `${JSON.stringify(first)} is part of itself: ${[...rotated, first].map((name) => JSON.stringify(name)).join(' → ')} (partOf must make a tree)`,
    })
  }
  return cycles
}
