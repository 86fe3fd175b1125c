// Starts `pioneers lsp` for the Markdown files of a workspace that has a pioneers.toml.
const { workspace } = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

exports.activate = () => {
  const command = workspace.getConfiguration('pioneers').get('path', 'pioneers');
  client = new LanguageClient(
    'pioneers',
    'pioneers',
    { command, args: ['lsp'] },
    {
      documentSelector: [{ scheme: 'file', language: 'markdown' }],
      // Files changed outside the editor (git checkout, pioneers new) reach the server.
      synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*') },
    },
  );
  return client.start();
};

exports.deactivate = () => client && client.stop();
