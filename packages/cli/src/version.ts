import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** This package's version, from its package.json (one level above both src/ and dist/). */
export const version: string = (require('../package.json') as { version: string }).version
