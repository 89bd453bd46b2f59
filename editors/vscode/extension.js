// Starts `placard lsp` in the workspace folder for .ftl files; everything else is the server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("placard").get("path") || "placard";
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const run = { command, args: ["lsp"], options: { cwd: folder ? folder.uri.fsPath : undefined } };
  client = new LanguageClient(
    "placard",
    "Placard",
    { run, debug: run },
    { documentSelector: [{ scheme: "file", language: "fluent" }] }
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
