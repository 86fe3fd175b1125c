-- A real editor drives `pioneers lsp`: headless Neovim (0.7 or later) opens a document of
-- tests/fixtures/lsp, waits for its diagnostics, jumps to a definition, completes an id and
-- fixes the problem by typing. Run by tests/editor/run; exits non-zero on the first failure.
local bin, root = os.getenv('PIONEERS_BIN'), os.getenv('KB_ROOT')

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function say(message)
  io.stdout:write(message .. '\n')
end

local id = vim.lsp.start_client({
  name = 'pioneers',
  cmd = { bin, 'lsp', '--today', '2026-11-28' },
  root_dir = root,
})
if not id then fail('the server did not start') end
vim.cmd('edit ' .. root .. '/content/themes/checklist.md')
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, id)

if not vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  fail('no diagnostics for the unknown reference')
end
local problem = vim.diagnostic.get(buf)[1]
if not problem.message:find('zwole', 1, true) or problem.lnum ~= 3 or problem.col ~= 20 then
  fail('unexpected diagnostic: ' .. vim.inspect(problem))
end
say(('diagnostic at %d:%d: %s'):format(problem.lnum + 1, problem.col + 1, problem.message:gsub('\n', ' / ')))

local client = vim.lsp.get_client_by_id(id)
local uri = vim.uri_from_bufnr(buf)
local answer = client.request_sync('textDocument/definition',
  { textDocument = { uri = uri }, position = { line = 4, character = 12 } }, 10000, buf)
local target = answer and answer.result
if not target or not target.uri:find('/content/themes/open%-wob%.md$') then
  fail('definition of open-wob: ' .. vim.inspect(answer))
end
say('definition of open-wob: ' .. target.uri:gsub('^.*/content/', 'content/'))

vim.api.nvim_buf_set_lines(buf, 3, 4, false, { 'carriers: [utrecht, zw]' })
answer = client.request_sync('textDocument/completion',
  { textDocument = { uri = uri }, position = { line = 3, character = 22 } }, 10000, buf)
local items = answer and answer.result and answer.result.items or {}
if not items[1] or items[1].label ~= 'zwolle' then
  fail('completion after zw: ' .. vim.inspect(answer))
end
say('completion after zw: ' .. items[1].label .. ' (' .. items[1].detail .. ')')

vim.api.nvim_buf_set_lines(buf, 3, 4, false, { 'carriers: [utrecht, zwolle]' })
if not vim.wait(15000, function() return #vim.diagnostic.get(buf) == 0 end, 50) then
  fail('the diagnostic stays after the fix: ' .. vim.inspect(vim.diagnostic.get(buf)))
end
say('fixed by typing: no diagnostics left')
client.stop()
vim.cmd('qall!')
