"""The step table as plain text tables: Markdown for wikis, CSV for spreadsheets."""
