/** Help text shared by the commands. */

export const DEFAULT_MODEL_PATHS = ['models']

export const EXIT_CODES_HELP = `
Exit codes:
  0  clean: no finding at error level (with a baseline: none that the baseline lacks)
  1  findings at error level (with a baseline: new ones)
  2  unusable input, usage or config error: a model that does not load, a missing path,
     a bad option, a config file with an unknown key or a bad value`
