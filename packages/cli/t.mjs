import { chromium } from 'playwright-core'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await b.newPage()
const m = '#36;#36;x#94;2#36;#36; t'
const texts = [
 `flowchart LR\n  subgraph z_a["${m}"]\n    c_a["a"]\n  end\n`,
 `flowchart LR\n  subgraph z_a["${m}<br>b"]\n    c_a["a"]\n  end\n`,
 `flowchart LR\n  c_a["${m}<br>b"]\n`,
 `flowchart LR\n  c_a["x"] -->|"${m}<br>b"| c_b["y"]\n`,
 `stateDiagram-v2\n  state "x" as s_x\n  state "y" as s_y\n  s_x --> s_y : ${m}<br>b\n`,
 `sequenceDiagram\n  participant a as ${m}<br>b\n  a->>a: ${m}<br>b\n  Note over a: ${m}<br>b\n`,
 `erDiagram\n  e_a["${m}<br>b"] {\n    string x "${m}<br>b"\n  }\n`,
 `flowchart LR\n  subgraph z_a["${m}#10;b"]\n    c_a["a"]\n  end\n`,
]
for (const path of ['../render/node_modules/mermaid/dist/mermaid.min.js', '../render/node_modules/mermaid10/dist/mermaid.min.js']) {
  await page.setContent('<html><body></body></html>')
  await page.addScriptTag({ path })
  console.log(path)
  for (const [i, text] of texts.entries()) {
    const out = await page.evaluate(async ({ text, i }) => { mermaid.initialize({ startOnLoad: false }); const { svg } = await mermaid.render('d' + i, text); return { katex: /katex/.test(svg), t: [...svg.matchAll(/>([^<>]+)</g)].map(m => m[1]).filter(t => !t.includes('{')).join('|') } }, { text, i })
    console.log(i, JSON.stringify(out))
  }
}
await b.close()
