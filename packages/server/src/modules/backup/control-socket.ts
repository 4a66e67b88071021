import { rmSync } from "node:fs";
import { createServer, request } from "node:http";
import path from "node:path";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { BackupError, type BackupManifest } from "./archive.ts";

/**
 * While a server holds an embedded (PGlite) database, no other process may open it;
 * `dtplan backup` asks the server instead, over a Unix socket in the data directory.
 * Only who can reach the data directory can connect (the socket is 0600 inside it) —
 * the same people who could copy the database files anyway.
 */
export const controlSocketPath = (dataDir: string) => path.join(dataDir, "dtplan.sock");

// sun_path holds 108 bytes on Linux; a longer data directory gets no socket.
const MAX_SOCKET_PATH = 100;

export interface ControlSocket {
  close(): Promise<void>;
}

export async function startControlSocket(
  dataDir: string,
  backup: (out: Writable) => Promise<BackupManifest>,
): Promise<ControlSocket | null> {
  const file = controlSocketPath(dataDir);
  if (Buffer.byteLength(file) > MAX_SOCKET_PATH) return null;
  // This process holds the data directory's lock: a socket file there is a dead server's.
  rmSync(file, { force: true });
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/backup") {
      res.writeHead(404).end();
      return;
    }
    res.statusCode = 200;
    res.setHeader("content-type", "application/x-tar");
    backup(res).catch((error: Error) => {
      if (res.headersSent) res.destroy(error);
      else res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(error.message);
    });
  });
  const previous = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(file, resolve);
    });
  } finally {
    process.umask(previous);
  }
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(file, { force: true });
          resolve();
        });
      }),
  };
}

/**
 * Asks the server holding `dataDir` for a backup, streamed into `out`. Resolves false
 * when no server listens there (no socket, or a dead one's), so the caller may open
 * the data directory itself.
 */
export function backupThroughServer(dataDir: string, out: Writable): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath: controlSocketPath(dataDir), method: "POST", path: "/backup" },
      (res) => {
        if (res.statusCode !== 200) {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => reject(new BackupError(`Máy chủ dtplan không sao lưu được: ${text}`)));
          return;
        }
        pipeline(res, out).then(
          () => resolve(true),
          (error) => reject(new BackupError(`Máy chủ dtplan ngắt giữa chừng khi sao lưu: ${error.message}`)),
        );
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ECONNREFUSED") resolve(false);
      else reject(error);
    });
    req.end();
  });
}
