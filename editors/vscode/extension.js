// The sopdsl extension: starts `sopdsl lsp` for .sop files and hands the editor's requests to it.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("sopdsl").get("server.command") || ["sopdsl", "lsp"];
  const serverOptions = { command: command[0], args: command.slice(1), transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "sop" },
      { scheme: "untitled", language: "sop" },
    ],
  };
  client = new LanguageClient("sopdsl", "sopdsl", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand("sopdsl.restartServer", () => client.restart())
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
