// Whole-process timings of `plumbline check`, each as a ratio against a peer run in turn with
// it (A B A B …, ratio taken pair by pair, median quoted), so a machine that drifts during the
// run does not move the ratio. Run from the repository root after `pnpm build`:
//
//   node bench/cli/check.mjs [runs]
//
// Cases: the repository's models, cold, against bare `node` start-up (the floor no Node CLI
// can beat); then one or two small models and four slow ones, with worker threads (the
// default) against `--workers 0` (the main thread alone).
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import path from 'node:path'

const runs = Number(process.argv[2] ?? 15)
const bin = path.resolve('packages/cli/bin/plumbline.js')

function wall(args, cwd) {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' })
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}`)
  return Number(process.hrtime.bigint() - start) / 1e6
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function compare(name, a, b, cwd) {
  wall(a, cwd)
  wall(b, cwd)
  const as = []
  const bs = []
  const ratios = []
  for (let i = 0; i < runs; i++) {
    as.push(wall(a, cwd))
    bs.push(wall(b, cwd))
    ratios.push(as.at(-1) / bs.at(-1))
  }
  console.log(
    `${name.padEnd(44)} A ${median(as).toFixed(0).padStart(5)} ms   B ${median(bs).toFixed(0).padStart(5)} ms   A/B ${median(ratios).toFixed(2)}`,
  )
}

// Inside the repository, so the models resolve @plumbline/core, zod and xstate.
const scratch = mkdtempSync(path.resolve('bench/cli/.scratch-'))
try {
  const project = (name, files) => {
    const dir = path.join(scratch, name, 'models')
    mkdirSync(dir, { recursive: true })
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text)
    return path.dirname(dir)
  }
  const slow = (name) =>
    `import { defineSystem } from '@plumbline/core'\nconst until = Date.now() + 300\nwhile (Date.now() < until) {}\nexport default defineSystem({ name: '${name}' })\n`
  const one = project('one', {})
  copyFileSync('models/accounts.ts', path.join(one, 'models/accounts.ts'))
  const two = project('two', {})
  copyFileSync('models/accounts.ts', path.join(two, 'models/accounts.ts'))
  copyFileSync('test/fixtures/valid/tiny.ts', path.join(two, 'models/tiny.ts'))
  const four = project('four', Object.fromEntries(['a', 'b', 'c', 'd'].map((n) => [`${n}.ts`, slow(n)])))

  console.log(`${runs} pairs each; A is the first command, B its peer`)
  compare('check models/ (cold)  vs  node -e ""', [bin, 'check', 'models/'], ['-e', ''], process.cwd())
  for (const [name, dir] of [
    ['1 small model', one],
    ['2 small models', two],
    ['4 models of 300 ms each', four],
  ])
    compare(
      `${name}: workers  vs  --workers 0`,
      [bin, 'check', 'models'],
      [bin, 'check', 'models', '--workers', '0'],
      dir,
    )
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
