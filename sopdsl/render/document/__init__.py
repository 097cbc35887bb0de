"""The printable SOP AP document: identity sheet and paginated flowchart table, as HTML and PDF."""
