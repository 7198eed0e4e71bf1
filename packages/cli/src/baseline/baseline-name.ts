import path from 'node:path'
/** The baseline's file name, beside the config (or in the working folder) unless one is named. */
const BASELINE_NAME = 'plumbline-baseline.json'

/** The baseline a config names (relative to its folder), else plumbline-baseline.json beside it. */
export function configuredBaseline(configDir: string, configured: string | undefined): string {
  return path.resolve(configDir, configured ?? BASELINE_NAME)
}
