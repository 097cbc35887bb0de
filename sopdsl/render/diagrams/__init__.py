"""The procedure as a diagram: SVG drawn by sopdsl, BPMN 2.0, Mermaid and Graphviz DOT."""
