import { defineConfig } from '@plumbline/cli'

// What a config may say, typed.
defineConfig({
  models: ['models', 'architecture/**/*.model.ts'],
  output: 'docs/models',
  rules: { 'identity/missing': 'off', 'state/deadlock': 'warn' },
  explore: { maxStates: 10_000, maxDepth: 50, timeout: 5_000 },
  baseline: 'ci/plumbline-baseline.json',
  workers: 0,
})

// @ts-expect-error a severity from another tool
defineConfig({ rules: { 'identity/missing': 'warning' } })

// @ts-expect-error a misspelt rule id
defineConfig({ rules: { 'identity/mising': 'off' } })

// A pack's source is any `pack:<name>`: packs may come from the config itself.
defineConfig({ rules: { 'pack:privacy': 'warn' } })

// @ts-expect-error a typo in a key
defineConfig({ rule: {} })

// @ts-expect-error a typo in a bound
defineConfig({ explore: { maxState: 10 } })
