-- `pioneers lsp` for Markdown files in a folder with pioneers.toml (Neovim 0.11+).
-- Put this file in ~/.config/nvim/plugin/ (or paste it into init.lua).
vim.lsp.config('pioneers', {
  cmd = { 'pioneers', 'lsp' },
  filetypes = { 'markdown' },
  root_markers = { 'pioneers.toml' },
})
vim.lsp.enable('pioneers')
