-- Opens a .sop file in headless Neovim with its built-in LSP client attached to `sopdsl lsp`, waits for the
-- findings, asks for a hover, and writes both as JSON to $SOPDSL_OUT. Works from Neovim 0.7 on.
local root = vim.env.SOPDSL_ROOT
local file = root .. "/" .. vim.env.SOPDSL_FILE
vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "sopdsl",
  cmd = { vim.env.SOPDSL_PYTHON, "-m", "sopdsl", "lsp" },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = "sops" } },
})
vim.lsp.buf_attach_client(buf, id)
local result = { diagnostics = {}, hover = vim.NIL }
vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
for _, found in ipairs(vim.diagnostic.get(buf)) do
  local lsp = (found.user_data or {}).lsp or {}
  table.insert(result.diagnostics, {
    line = found.lnum, column = found.col, message = found.message, code = found.code or lsp.code,
  })
end
local client = vim.lsp.get_client_by_id(id)
local line = tonumber(vim.env.SOPDSL_HOVER_LINE)
local answer = client.request_sync("textDocument/hover", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = line, character = tonumber(vim.env.SOPDSL_HOVER_CHARACTER) },
}, 20000, buf)
if answer and answer.result then
  result.hover = answer.result.contents.value
end
vim.fn.writefile({ vim.fn.json_encode(result) }, vim.env.SOPDSL_OUT)
client.stop()
vim.cmd("qa!")
