import { existsSync } from 'node:fs'
import { expect, test } from 'vitest'
import { UsageError } from '../errors.js'
import { installedMermaid } from './installed-mermaid.js'

test('the installed Mermaid bundle is found', () => {
  expect(installedMermaid()).toMatch(/mermaid[\\/]dist[\\/]mermaid\.min\.js$/u)
  expect(existsSync(installedMermaid())).toBe(true)
})

test('without the mermaid package: a usage error (exit 2) that says how to install it', () => {
  const missing = (): string => {
    throw Object.assign(new Error("Cannot find module 'mermaid'"), { code: 'MODULE_NOT_FOUND' })
  }
  expect(() => installedMermaid(missing)).toThrow(UsageError)
  expect(() => installedMermaid(missing)).toThrow(
    'Drawing diagrams needs the mermaid package (version 11), and it is not installed.\nInstall it beside plumbline (npm install --save-dev mermaid@11, or pnpm add -D mermaid@11). Nothing was written.',
  )
})
