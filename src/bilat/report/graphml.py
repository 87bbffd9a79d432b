"""The alignment network as GraphML, for Gephi, yEd and networkx."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from bilat.analysis.network import Network

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def network_graphml(net: Network) -> str:
    """The network as GraphML (undirected), with node and edge attributes declared.

    Nodes carry a ``label`` (the actor's name); an edge's ``weight`` is unsigned
    (the magnitude of cooperation minus conflict) so path and flow algorithms
    accept it, and its ``sign`` (+1, -1, 0) says which way it leans.
    """
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    keys = (
        ("label", "node", "string"),
        ("events", "node", "int"),
        ("degree", "node", "int"),
        ("strength", "node", "double"),
        ("betweenness", "node", "double"),
        ("events", "edge", "int"),
        ("cooperation", "edge", "double"),
        ("conflict", "edge", "double"),
        ("weight", "edge", "double"),
        ("sign", "edge", "int"),
        ("score", "edge", "double"),
    )
    for name, domain, kind in keys:
        ET.SubElement(
            root,
            f"{{{GRAPHML_NS}}}key",
            {"id": f"{domain}_{name}", "for": domain, "attr.name": name, "attr.type": kind},
        )
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "G", "edgedefault": "undirected"})
    central = {c.code: c for c in net.centrality}

    def data(parent: ET.Element, key: str, value: object) -> None:
        ET.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": key}).text = str(value)

    for n in net.nodes:
        node = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": n.code})
        data(node, "node_label", n.name)
        data(node, "node_events", n.events)
        data(node, "node_degree", central[n.code].degree)
        data(node, "node_strength", central[n.code].strength)
        data(node, "node_betweenness", central[n.code].betweenness)
    for i, e in enumerate(net.edges):
        edge = ET.SubElement(
            graph, f"{{{GRAPHML_NS}}}edge", {"id": f"e{i}", "source": e.a, "target": e.b}
        )
        data(edge, "edge_events", e.events)
        data(edge, "edge_cooperation", e.cooperation)
        data(edge, "edge_conflict", e.conflict)
        data(edge, "edge_weight", round(abs(e.weight), 6))
        data(edge, "edge_sign", e.sign)
        data(edge, "edge_score", round(e.score, 6))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
