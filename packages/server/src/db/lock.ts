import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock between processes and a data directory opened twice is
 * corrupted, so the process that opens it writes `<dataDir>/dtplan.lock` with its
 * pid; another process refuses while that pid is alive.
 */
export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Cơ sở dữ liệu đang được máy chủ dtplan (pid ${pid}) sử dụng: ${dataDir}. ` +
        "Dừng máy chủ đó trước, hoặc dùng một thư mục dữ liệu khác (DTPLAN_DATA_DIR). " +
        `(The database is in use by dtplan pid ${pid}.)`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "dtplan.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      if (pid === process.pid) throw new DataDirLockedError(dataDir, pid);
      // The process that wrote it is gone: the lock is stale.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Không lấy được khoá ${file}`);
}
