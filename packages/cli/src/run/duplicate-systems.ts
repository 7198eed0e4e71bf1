/**
 * Two model files defining one system name would write one document and read as one
 * system in every report: `check` and `render` refuse it alike (exit 2), naming both files.
 */

/** One message per file whose system name an earlier file already defines (`shown`: the file as shown). */
export function duplicateSystems(models: readonly { shown: string; system: string | undefined }[]): string[] {
  const fileOfSystem = new Map<string, string>()
  const problems: string[] = []
  for (const { shown, system } of models) {
    if (system === undefined) continue
    const other = fileOfSystem.get(system)
    if (other === undefined) fileOfSystem.set(system, shown)
    else problems.push(duplicateSystemMessage(shown, system, other))
  }
  return problems
}

export function duplicateSystemMessage(shown: string, system: string, other: string): string {
  return `${shown}: system ${JSON.stringify(system)} is also defined in ${other}; each system needs its own name`
}
