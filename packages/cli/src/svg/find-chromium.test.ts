import { expect, test } from 'vitest'
import { findChromium } from './find-chromium.js'

test('PLUMBLINE_CHROMIUM names the browser', async () => {
  expect(await findChromium({ PLUMBLINE_CHROMIUM: process.execPath })).toBe(process.execPath)
})

test('without a browser, says how to get one', async () => {
  await expect(findChromium({ PLUMBLINE_CHROMIUM: '/nowhere/chromium' })).rejects.toThrow(
    [
      '--svg draws diagrams in a headless Chromium, and found none: PLUMBLINE_CHROMIUM is "/nowhere/chromium", which is not an executable file.',
      'Install one (Debian/Ubuntu: sudo apt-get install -y chromium; Fedora: sudo dnf install chromium;',
      'macOS: brew install --cask chromium), or set PLUMBLINE_CHROMIUM to a Chrome or Chromium executable.',
      'Nothing was written.',
    ].join('\n'),
  )
})
