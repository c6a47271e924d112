// The interactive page's stylesheet: one inline <style>, allowed by its hash in the page's CSP.
// Line kinds take their colours and dashes from SVG attributes the script sets from the data.

export const MAP_PAGE_CSS = `:root{color-scheme:light}
[hidden]{display:none!important}
body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:0;color:#1f2937;background:#fff}
header{padding:1rem 1.5rem .3rem}
h1{font-size:1.25rem;margin:0 0 .4rem}
header p{margin:.2rem 0;font-size:.9rem}
.source{color:#4b5563}
.warnings{font-size:.85rem;color:#92400e}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem 1.5rem;border-bottom:1px solid #e5e7eb;border-top:1px solid #e5e7eb;position:sticky;top:0;background:#fff;z-index:1;font-size:.9rem}
.controls select,.controls input,.controls button{font:inherit}
.controls input[type=search]{width:15rem}
#status{color:#4b5563;font-size:.85rem}
main{display:grid;grid-template-columns:minmax(0,1fr) 27rem;min-height:60vh}
.graph{overflow:auto;height:calc(100vh - 8rem);min-height:22rem}
aside{padding:.5rem 1rem;overflow:auto;height:calc(100vh - 8rem);min-height:22rem;box-sizing:border-box;font-size:.85rem;border-left:1px solid #e5e7eb}
aside h2{font-size:1rem;margin:.3rem 0;word-break:break-all}
aside h3{font-size:.9rem;margin:.8rem 0 .3rem;word-break:break-all}
@media (max-width:900px){main{grid-template-columns:1fr}.graph{height:70vh}aside{height:auto;border-left:0;border-top:1px solid #e5e7eb}}
#map text{font-family:"DejaVu Sans",Verdana,sans-serif}
.group-box{fill:#fafafa;stroke:#9ca3af;stroke-dasharray:5 4}
.group-label{font-size:12px;fill:#4b5563;cursor:pointer}
.unit,.link{cursor:pointer}
.unit rect{stroke-width:1.2}
.kind-group rect{fill:#f3f4f6;stroke:#6b7280;stroke-dasharray:5 4}
.unit-label{font-size:12px;text-anchor:middle;fill:#111827}
.unit-note{font-size:11px;text-anchor:middle;fill:#4b5563}
.unit.match rect{stroke:#b45309;stroke-width:3}
.line{fill:none}
.hit{fill:none;stroke:transparent;stroke-width:12}
.link-label{font-size:10px;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:3px}
.has-selection .link:not(.selected):not(.related),.has-selection .unit:not(.selected):not(.related){opacity:.3}
.link.selected .line{stroke-width:4}
.unit.selected rect{stroke-width:3}
#map :focus{outline:none}
#map :focus-visible{outline:2px solid #2563eb}
.rows{list-style:none;padding:0;margin:0}
.row{border-bottom:1px solid #e5e7eb;padding:.4rem 0}
.row .end{font-weight:bold;word-break:break-all}
.row .count,.row .where{color:#374151}
.row .where{font-family:"DejaVu Sans Mono",monospace;font-size:.8rem;word-break:break-all}
.note,.hint{color:#4b5563;font-size:.8rem}
.verdict{font-weight:bold}
.verdict.kind-missing,.verdict.kind-blocked{color:#b91c1c}
.verdict.kind-stale{color:#4b5563}
pre{background:#f3f4f6;padding:.4rem;overflow:auto;font-size:.8rem;margin:.2rem 0}
code{font-family:"DejaVu Sans Mono",monospace;word-break:break-all}
.legend{padding:.5rem 1.5rem 1.5rem;font-size:.85rem;border-top:1px solid #e5e7eb}
.legend h2{font-size:1rem}
.legend ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.4rem 1.6rem}
.legend svg{vertical-align:middle;margin-right:.4rem}`;
