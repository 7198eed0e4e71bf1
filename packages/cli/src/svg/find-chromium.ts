/**
 * The Chromium that draws SVG: `PLUMBLINE_CHROMIUM` where set, else the system's
 * `/usr/bin/chromium`. Plumbline never downloads a browser; without one, --svg stops
 * before anything is written and says how to install one.
 */
import { access, constants } from 'node:fs/promises'
import { UsageError } from '../errors.js'
import type { Io } from '../io.js'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

export async function findChromium(env: Io['env']): Promise<string> {
  const chosen = env.PLUMBLINE_CHROMIUM
  const candidate = chosen !== undefined && chosen !== '' ? chosen : SYSTEM_CHROMIUM
  if (await isExecutable(candidate)) return candidate
  const where =
    candidate === SYSTEM_CHROMIUM
      ? `no Chromium at ${SYSTEM_CHROMIUM}`
      : `PLUMBLINE_CHROMIUM is ${JSON.stringify(candidate)}, which is not an executable file`
  throw new UsageError(
    [
      `--svg draws diagrams in a headless Chromium, and found none: ${where}.`,
      'Install one (Debian/Ubuntu: sudo apt-get install -y chromium; Fedora: sudo dnf install chromium;',
      'macOS: brew install --cask chromium), or set PLUMBLINE_CHROMIUM to a Chrome or Chromium executable.',
      'Nothing was written.',
    ].join('\n'),
  )
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  )
}
