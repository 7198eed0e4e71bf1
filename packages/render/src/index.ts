/**
 * @plumbline/render: pure functions from a model to Mermaid text and Markdown documents.
 */
export {}
