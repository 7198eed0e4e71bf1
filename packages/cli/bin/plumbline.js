#!/usr/bin/env node
// --debug prints stack traces: map them from the bundle to the TypeScript sources. Enabled
// before the bundle loads, because Node reads a module's source map when it loads it.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true)
const args = process.argv.slice(2)
// `plumbline --version` alone is answered before the bundle loads: scripts and editors ask it
// often, and loading the whole command (every command's options and help) takes most of its time.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { createRequire } = await import('node:module')
  process.stdout.write(`${createRequire(import.meta.url)('../package.json').version}\n`)
} else {
  const { main } = await import('../bundle/index.js')
  process.exitCode = await main(args)
}
// The command is done: what a model or an adapter left pending (a timer, a call that conform
// gave up on past --step-timeout) must not hold the process open. An unref'd timer fires only
// when something else keeps the process alive; it exits once stdout and stderr have written
// what they hold (a pipe is asynchronous on macOS: exiting at once could cut the report).
setTimeout(() => process.stdout.write('', () => process.stderr.write('', () => process.exit())), 0).unref()
