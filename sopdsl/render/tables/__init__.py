"""Step tables for wikis and spreadsheets."""
