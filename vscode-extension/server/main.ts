/** The bundled server's entry point: talks LSP over whatever transport the client started it with (IPC or stdio). */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node.js";
import { startServer } from "./server.js";

startServer(createConnection(ProposedFeatures.all));
