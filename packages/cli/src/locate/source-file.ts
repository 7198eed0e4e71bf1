/**
 * One parsed source file, as the locator reads it: its top-level bindings (`const x = …`),
 * what it imports under which local name, and what it exports. Parsed with Babel's parser,
 * the TypeScript plugin for TypeScript files; a file that does not parse has no bindings.
 */
import { parse } from '@babel/parser'
import type { Expression, Program, Statement } from '@babel/types'

interface ImportedBinding {
  /** The module specifier, as written. */
  from: string
  /** The exported name in that module (`default` for a default import). */
  name: string
}

export interface SourceFile {
  /** Absolute path. */
  readonly file: string
  /** Top-level `const`/`let`/`var` initialisers, by name. */
  readonly bindings: ReadonlyMap<string, Expression>
  readonly imports: ReadonlyMap<string, ImportedBinding>
  /** Exported names (`default` included) to the local expression or binding name they export. */
  readonly exports: ReadonlyMap<string, Expression | string>
  /** Every module specifier the file imports or re-exports (for watch mode's dependency graph). */
  readonly specifiers: readonly string[]
}

const TYPESCRIPT = /\.[cm]?tsx?$/

export function parseSourceFile(file: string, text: string): SourceFile {
  let program: Program
  try {
    program = parse(text, {
      sourceType: 'module',
      plugins: TYPESCRIPT.test(file) ? ['typescript'] : [],
      errorRecovery: true,
    }).program
  } catch {
    return { file, bindings: new Map(), imports: new Map(), exports: new Map(), specifiers: [] }
  }
  const bindings = new Map<string, Expression>()
  const imports = new Map<string, ImportedBinding>()
  const exports = new Map<string, Expression | string>()
  const specifiers: string[] = []
  for (const statement of program.body) readStatement(statement, { bindings, imports, exports, specifiers })
  return { file, bindings, imports, exports, specifiers }
}

interface Collected {
  bindings: Map<string, Expression>
  imports: Map<string, ImportedBinding>
  exports: Map<string, Expression | string>
  specifiers: string[]
}

function readStatement(statement: Statement, into: Collected): void {
  switch (statement.type) {
    case 'ImportDeclaration':
      into.specifiers.push(statement.source.value)
      if (statement.importKind === 'type') return
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportDefaultSpecifier')
          into.imports.set(specifier.local.name, { from: statement.source.value, name: 'default' })
        else if (specifier.type === 'ImportSpecifier')
          into.imports.set(specifier.local.name, {
            from: statement.source.value,
            name: specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value,
          })
      }
      return
    case 'VariableDeclaration':
      for (const declarator of statement.declarations)
        if (declarator.id.type === 'Identifier' && declarator.init)
          into.bindings.set(declarator.id.name, declarator.init)
      return
    case 'ExportNamedDeclaration':
      if (statement.source) into.specifiers.push(statement.source.value)
      if (statement.declaration?.type === 'VariableDeclaration') {
        readStatement(statement.declaration, into)
        for (const declarator of statement.declaration.declarations)
          if (declarator.id.type === 'Identifier') into.exports.set(declarator.id.name, declarator.id.name)
      }
      if (!statement.source)
        for (const specifier of statement.specifiers)
          if (specifier.type === 'ExportSpecifier')
            into.exports.set(
              specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value,
              specifier.local.name,
            )
      return
    case 'ExportAllDeclaration':
      into.specifiers.push(statement.source.value)
      return
    case 'ExportDefaultDeclaration':
      if (isExpression(statement.declaration)) into.exports.set('default', statement.declaration)
      return
    default:
      return
  }
}

function isExpression(node: { type: string }): node is Expression {
  return !node.type.endsWith('Declaration')
}
