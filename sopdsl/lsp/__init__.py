"""The language server, `sopdsl lsp`: the checker, formatter and totals for editors, over the LSP."""
