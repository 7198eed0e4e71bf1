/**
 * @plumbline/render: pure functions from a model (and its check) to Mermaid text and
 * Markdown documents. No I/O: the CLI writes what these return.
 */
export { fitsMermaidLimits, MERMAID_LIMITS, type MermaidDiagram } from './diagram.js'
export { stateDiagram, type StateDiagramOptions } from './state/state-diagram.js'
export {
  DEFAULT_SPLIT_LIMITS,
  stateDiagramParts,
  type SplitLimits,
  type StateDiagramPart,
} from './state/state-diagram-parts.js'
export { flowDiagram } from './sequence/flow-diagram.js'
export { traceDiagram, type Counterexample } from './trace/trace-diagram.js'
export { entityDiagram } from './entity/entity-diagram.js'
export { componentDiagram } from './component/component-diagram.js'
export { renderDocument, type DocumentInput, type NamedDiagram, type RenderedDocument } from './document/document.js'
export { injectBlocks, type InjectResult } from './document/inject.js'
export { distinctSlugs, fileSlug } from './document/file-names.js'
export { generatedFrom } from './document/generated-marker.js'
export { markdownCode, markdownRow, markdownText } from './escape/markdown.js'
export {
  viewerIndex,
  viewerPage,
  VIEWER_ASSETS,
  VIEWER_CSP,
  type ViewerIndexEntry,
  type ViewerPageInput,
} from './viewer/viewer-page.js'
