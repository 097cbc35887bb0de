"""After approval: what changed between revisions, when totals fall due, and how the library's SOPs link."""
