/**
 * The packages --svg draws with, Mermaid (its browser build) and the browser driver: optional
 * peer dependencies of @plumbline/cli, about 100 MB that `check`, `questions`, `explain` and
 * Markdown `render` never load. Resolved from the installed command, as Node would resolve
 * its imports; without them, --svg stops before anything is written and says what to install.
 */
import { createRequire } from 'node:module'
import { UsageError } from '../errors.js'
import { findMermaidBundle } from './installed-mermaid.js'

/** The path of Mermaid's browser build; throws the install advice when either package is missing. */
export function svgPackages(): { mermaidBundle: string } {
  const require = createRequire(import.meta.url)
  const mermaidBundle = findMermaidBundle(require.resolve)
  const driver = resolved(require, 'playwright-core')
  const missing = [mermaidBundle === undefined ? 'mermaid' : [], driver === undefined ? 'playwright-core' : []].flat()
  if (mermaidBundle === undefined || driver === undefined)
    throw new UsageError(
      [
        `--svg draws diagrams with Mermaid in a headless Chromium, through optional packages that are not installed: ${missing.join(', ')}.`,
        'Install them beside @plumbline/cli: npm i -D mermaid playwright-core (pnpm add -D mermaid playwright-core; yarn add -D mermaid playwright-core).',
        'Nothing was written.',
      ].join('\n'),
    )
  return { mermaidBundle }
}

function resolved(require: NodeJS.Require, file: string): string | undefined {
  try {
    return require.resolve(file)
  } catch {
    return undefined
  }
}
