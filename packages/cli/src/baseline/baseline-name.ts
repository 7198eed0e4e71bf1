/** The baseline's file name, beside the config (or in the working folder) unless one is named. */
export const BASELINE_NAME = 'plumbline-baseline.json'
