/**
 * The viewer's one script (a classic script: `file://` pages cannot load modules). It
 * draws each diagram with the bundled Mermaid, lets a finding be selected (its element
 * highlighted), and plays a counterexample back step by step ("Previous step", "Next
 * step", the arrow keys), marking the current state or message with aria-current="step".
 * Text from the model is only ever set with textContent; the SVG is Mermaid's own,
 * sanitised by it (securityLevel "strict").
 */
;(() => {
  const island = document.getElementById('plumbline-data')
  const live = document.querySelector('meta[name="plumbline-live"]')
  if (live !== null) listenForChanges(live.getAttribute('content'))
  if (island === null) return
  /** @type {{ diagrams: Array<{ name: string, title: string, text: string, drawable: boolean }>, findings: Array<any> }} */
  const data = JSON.parse(island.textContent)
  const findings = new Map(data.findings.map((finding) => [finding.id, finding]))
  const dark = window.matchMedia('(prefers-color-scheme: dark)')
  /** Per finding id, the step shown. */
  const positions = new Map()
  let selected

  /** The SVG id of a diagram: Mermaid prefixes its node ids with it. */
  const svgId = (index) => `plumbline-diagram-${index}`
  const svgIds = new Map(data.diagrams.map((diagram, index) => [diagram.name, svgId(index)]))

  async function drawAll() {
    window.mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: dark.matches ? 'dark' : 'default',
      deterministicIds: true,
    })
    for (const [index, diagram] of data.diagrams.entries()) {
      if (!diagram.drawable) continue
      for (const canvas of document.querySelectorAll(`figure[data-diagram="${CSS.escape(diagram.name)}"] .canvas`)) {
        try {
          const { svg } = await window.mermaid.render(svgId(index), diagram.text)
          // Mermaid's SVG holds HTML labels (unclosed <br>): parsed as HTML, as Mermaid itself inserts it.
          const template = document.createElement('template')
          template.innerHTML = svg
          canvas.replaceChildren(template.content)
          canvas.dataset.drawn = 'true'
        } catch (error) {
          const problem = document.createElement('p')
          problem.className = 'problem'
          problem.textContent = `Mermaid could not draw this diagram: ${error instanceof Error ? error.message : String(error)}`
          canvas.replaceChildren(problem)
        }
      }
    }
    document.body.dataset.drawn = 'true'
    if (selected !== undefined) show(selected)
  }

  /** The drawn node of a Mermaid id in a diagram: `<svg id>-state-<id>-<n>` and the like. */
  function nodeOf(diagram, id) {
    const figure = figureOf(diagram)
    const prefix = svgIds.get(diagram)
    if (figure === null || prefix === undefined) return null
    const pattern = new RegExp(`^${prefix}-(?:state|flowchart|entity)-${id}-\\d+$`)
    for (const node of figure.querySelectorAll('g[id]')) if (pattern.test(node.id)) return node
    return null
  }

  function messageOf(diagram, index) {
    const figure = figureOf(diagram)
    return figure === null ? null : (figure.querySelectorAll('text.messageText')[index] ?? null)
  }

  function figureOf(diagram) {
    return document.querySelector(`figure[data-diagram="${CSS.escape(diagram)}"]`)
  }

  function clearMarks() {
    for (const node of document.querySelectorAll('[aria-current="step"]')) node.removeAttribute('aria-current')
    for (const node of document.querySelectorAll('.pl-selected')) node.classList.remove('pl-selected')
  }

  function select(id) {
    selected = id
    for (const button of document.querySelectorAll('button.select'))
      button.setAttribute('aria-pressed', String(button.dataset.finding === id))
    for (const player of document.querySelectorAll('.playback')) player.hidden = player.dataset.finding !== id
    const finding = findings.get(id)
    // A store's counterexample is only drawn in its trace diagram: open it.
    if (finding?.traceDiagram !== undefined && finding.diagram === undefined) {
      const details = document.getElementById(id)?.querySelector('details.trace')
      if (details) details.open = true
    }
    show(id)
  }

  /** Highlights the selected finding's element, and its current step where it has a trace. */
  function show(id) {
    clearMarks()
    const finding = findings.get(id)
    if (finding === undefined) return
    document.getElementById(id)?.classList.add('pl-selected')
    const target =
      finding.diagram === undefined
        ? null
        : finding.node !== undefined
          ? nodeOf(finding.diagram, finding.node)
          : finding.messageIndex !== undefined
            ? messageOf(finding.diagram, finding.messageIndex)
            : figureOf(finding.diagram)
    target?.classList.add('pl-selected')
    if (finding.steps === undefined) return
    const at = positions.get(id) ?? 0
    const step = finding.steps[at]
    const player = document.querySelector(`.playback[data-finding="${CSS.escape(id)}"]`)
    if (player === null || step === undefined) return
    player.querySelector('.step').textContent = step.label
    const changed = player.querySelector('.changed')
    changed.replaceChildren(
      ...step.changed.map((line) => {
        const item = document.createElement('li')
        item.textContent = line
        return item
      }),
    )
    player.querySelector('[data-step="-1"]').disabled = at === 0
    player.querySelector('[data-step="1"]').disabled = at === finding.steps.length - 1
    const current = [
      ...step.nodes.map((node) => nodeOf(finding.diagram, node)),
      step.message === undefined ? null : messageOf(finding.diagram, step.message),
      step.traceMessage === undefined ? null : messageOf(finding.traceDiagram, step.traceMessage),
    ]
    for (const node of current) node?.setAttribute('aria-current', 'step')
  }

  function move(by) {
    const finding = findings.get(selected)
    if (finding?.steps === undefined) return
    const at = Math.min(Math.max((positions.get(selected) ?? 0) + by, 0), finding.steps.length - 1)
    positions.set(selected, at)
    show(selected)
  }

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null
    if (button === null) return
    if (button.classList.contains('select')) select(button.dataset.finding)
    else if (button.dataset.step !== undefined) move(Number(button.dataset.step))
  })
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    if (event.target instanceof Element && event.target.closest('input, textarea, select, [contenteditable]')) return
    // Only while a counterexample is shown: otherwise the arrows scroll, as on any page.
    if (findings.get(selected)?.steps === undefined) return
    if (event.key === 'ArrowRight') move(1)
    else if (event.key === 'ArrowLeft') move(-1)
    else return
    event.preventDefault()
  })
  // Draws one after another: Mermaid renders through one shared scratch element.
  let drawing = Promise.resolve()
  const redraw = () => {
    drawing = drawing.then(drawAll)
  }
  dark.addEventListener('change', redraw)

  // The first finding with a counterexample starts selected, so its playback is at hand.
  const first = data.findings.find((finding) => finding.steps !== undefined)
  if (first !== undefined) select(first.id)
  redraw()

  /** plumbline serve: reload when the model changes (Server-Sent Events, same origin). */
  function listenForChanges(path) {
    if (location.protocol === 'file:' || path === null) return
    const events = new EventSource(new URL(path, location.href))
    events.addEventListener('reload', () => location.reload())
  }
})()
