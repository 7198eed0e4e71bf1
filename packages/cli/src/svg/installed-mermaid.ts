/**
 * The installed Mermaid 11 browser bundle, which draws SVG (`--svg`) and the viewer's
 * diagrams (`--html`, `serve`): never fetched from a CDN. Without the package, the
 * command stops before writing anything and says how to install it.
 */
import { createRequire } from 'node:module'
import { UsageError } from '../errors.js'

/** The bundle's path, or undefined where the package is not installed. `resolve`: how a package file is found (tests give one that finds nothing). */
export function findMermaidBundle(
  resolve: (id: string) => string = createRequire(import.meta.url).resolve,
): string | undefined {
  try {
    return resolve('mermaid/dist/mermaid.min.js')
  } catch {
    return undefined
  }
}

/** The bundle's path; without the package, the advice to install it. */
export function installedMermaid(resolve?: (id: string) => string): string {
  const bundle = findMermaidBundle(resolve)
  if (bundle === undefined)
    throw new UsageError(
      [
        'Drawing diagrams needs the mermaid package (version 11), and it is not installed.',
        'Install it beside plumbline (npm install --save-dev mermaid@11, or pnpm add -D mermaid@11). Nothing was written.',
      ].join('\n'),
    )
  return bundle
}
