"""Draw the accountability network as one standalone HTML page (pyvis / vis-network).

Node and edge lists are filled directly: pyvis's ``add_edge`` checks every existing edge, which
is quadratic and took ~55 s at 10k nodes. Physics is on (it settles quickly at this size) and is
switched off after stabilisation so that the page stays responsive.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import networkx as nx
from pyvis.network import Network

_CDN_TAG = re.compile(r'\s*<(?:link|script)\b[^>]*(?:href|src)="https?://[^"]*bootstrap[^"]*"[^>]*>'
                      r'(?:\s*</script>)?', re.I)

STYLE = {  # type -> (colour, shape, legend label)
    "person": ("#d62728", "dot", "Person (member or officer)"),
    "post": ("#ff7f0e", "diamond", "Post (cabinet portfolio)"),
    "directorate": ("#2ca02c", "square", "Directorate"),
    "partner": ("#9467bd", "triangle", "Partner organisation"),
    "section": ("#8c564b", "star", "Priority / outcome"),
    "pledge": ("#1f77b4", "dot", "Pledge"),
    "deliverable": ("#17becf", "dot", "Deliverable"),
    "activity": ("#1f77b4", "dot", "Activity"),
    "action": ("#1f77b4", "dot", "Strategic action"),
    "milestone": ("#aec7e8", "dot", "Milestone"),
    "measure": ("#bcbd22", "dot", "Performance measure"),
    "commitment": ("#7f7f7f", "dot", "Commitment"),
}


def _legend() -> str:
    items = "".join(
        f'<li><span style="display:inline-block;width:12px;height:12px;background:{c};'
        f'margin-right:6px"></span>{html.escape(label)}</li>'
        for c, _shape, label in STYLE.values()
    )
    return (
        '<div id="legend" style="position:absolute;top:10px;left:10px;background:#fff;'
        'border:1px solid #ccc;padding:8px;font:13px sans-serif;z-index:10">'
        "<b>Accountability network</b><ul style='list-style:none;padding:0;margin:4px 0'>"
        f"{items}</ul><small>Size: number of commitments a node carries. Hover for text and "
        "source line.</small></div>"
    )


def render(g: nx.DiGraph, path: Path, title: str = "pledgegraph accountability network") -> Path:
    """Write ``g`` (from ``project``) as a standalone HTML file; return its path."""
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line",
                  heading="")
    for node, attrs in g.nodes(data=True):
        colour, shape, _ = STYLE.get(attrs.get("type", "commitment"), STYLE["commitment"])
        count = attrs.get("count", 0)
        net.nodes.append({
            "id": node, "label": attrs.get("label", node), "title": attrs.get("title", ""),
            "color": colour, "shape": shape, "size": 8 + min(count, 60) ** 0.8 * 3,
            "group": attrs.get("type", "commitment"),
        })
        net.node_ids.append(node)
        net.node_map[node] = net.nodes[-1]
    for a, b, attrs in g.edges(data=True):
        net.edges.append({"from": a, "to": b, "title": attrs.get("kind", ""), "arrows": "to"})
    net.set_options("""{
      "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300}},
      "interaction": {"hover": true, "tooltipDelay": 100},
      "edges": {"color": {"opacity": 0.4}, "smooth": false}
    }""")
    page = net.generate_html(notebook=False)
    # pyvis's template links Bootstrap from a CDN for menus this page does not use; a published
    # page must load nothing from third parties and work offline.
    page = _CDN_TAG.sub("", page)
    page = page.replace("<body>", f"<body>\n<title>{html.escape(title)}</title>\n{_legend()}", 1)
    page = page.replace(
        "network = new vis.Network(container, data, options);",
        "network = new vis.Network(container, data, options);\n"
        "network.once('stabilizationIterationsDone', function () "
        "{ network.setOptions({physics: false}); });", 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
