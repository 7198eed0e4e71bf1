#!/usr/bin/env node
// --debug prints stack traces: map them from the bundle to the TypeScript sources. Enabled
// before the bundle loads, because Node reads a module's source map when it loads it.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true)
const { main } = await import('../bundle/index.js')

process.exitCode = await main(process.argv.slice(2))
