/** Help text shared by the commands. */

export const DEFAULT_MODEL_PATHS = ['models']

export const EXIT_CODES_HELP = `
Exit codes:
  0  clean: no finding at error level
  1  findings at error level
  2  unusable input: a model that does not load, a missing path, a bad option`
