/**
 * The project files a model is made of: the model file and every file it imports, directly
 * or not, through relative imports (packages are not the project's to watch). Read from the
 * sources' import declarations, resolved as the loader resolves them.
 */
import { readFileSync } from 'node:fs'
import { parseSourceFile } from '../locate/source-file.js'
import type { ModelLoader } from '../load/load-model.js'

export function projectDependencies(modelFile: string, loader: Pick<ModelLoader, 'resolve'>): string[] {
  const seen = new Set<string>([modelFile])
  const pending = [modelFile]
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      continue
    }
    for (const specifier of parseSourceFile(file, text).specifiers) {
      const imported = loader.resolve(specifier, file)
      if (imported === undefined || seen.has(imported)) continue
      seen.add(imported)
      pending.push(imported)
    }
  }
  return [...seen].sort()
}
