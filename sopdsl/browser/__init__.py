"""The headless-Chromium client that prints documents to PDF and lets the tests measure them."""
