/**
 * The commands that work on models (`check`, `render`) run once, or with --watch, again on
 * every save. The watch loop, and the parser it needs to find what a model imports, are
 * loaded only for --watch.
 */
import { configFileFor } from '../config/load-config.js'
import type { Io } from '../io.js'
import type { ModelCommand } from './model-command.js'

export async function runOrWatch<Plan>(
  command: ModelCommand<Plan>,
  flags: { watch?: boolean; config?: string },
  io: Io,
): Promise<number> {
  if (!flags.watch) return command.run(await command.plan({ fresh: false }), { fresh: false })
  const { watchModels } = await import('../watch/watch-models.js')
  return watchModels(command, configFileFor(io.cwd, flags.config), io)
}
