import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock between processes and a data directory opened twice is
 * corrupted, so the process that opens it writes `<dataDir>/dtplan.lock` with its
 * pid, its start time (clock ticks since boot, from /proc) and the boot id; another
 * process refuses while that very process is alive. A lock whose process is gone —
 * killed with -9, or the machine restarted — is stale and taken over, with a message:
 * a pid that is alive but started at another time (reused by another program, or
 * our own pid after a container restart) does not hold the lock either.
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

interface Holder {
  pid: number;
  /** Start time in clock ticks since boot; null in a lock written without /proc (or by an older dtplan). */
  started: string | null;
  bootId: string | null;
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** Field 22 of /proc/PID/stat (after the parenthesised command name, which may hold spaces). */
function startTicks(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
}

const bootId = () => readProc("/proc/sys/kernel/random/boot_id")?.trim() || null;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseHolder(text: string): Holder | null {
  const [pid, started, boot] = text.split("\n").map((s) => s.trim());
  const n = Number.parseInt(pid ?? "", 10);
  if (!Number.isInteger(n) || n <= 0) return null;
  return { pid: n, started: started || null, bootId: boot || null };
}

/** Whether the process that wrote the lock is still the one running under its pid. */
function holds(holder: Holder): boolean {
  const boot = bootId();
  if (holder.bootId && boot && holder.bootId !== boot) return false;
  if (holder.pid === process.pid) {
    // Our own pid: the lock is ours only if it records our own start (a second open in this
    // process); otherwise an earlier process had our pid (a container restarted).
    return holder.started === startTicks(process.pid);
  }
  if (!isAlive(holder.pid)) return false;
  const started = startTicks(holder.pid);
  return !(holder.started && started && holder.started !== started);
}

export function acquireDataDirLock(
  dataDir: string,
  {
    onStale = (message) => {
      process.stderr.write(`${message}\n`);
    },
  }: { onStale?: (message: string) => void } = {},
): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "dtplan.lock");
  const content = `${process.pid}\n${startTicks(process.pid) ?? ""}\n${bootId() ?? ""}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, content, { flag: "wx" });
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
      const holder = parseHolder(readProc(file) ?? "");
      if (holder && holds(holder)) throw new DataDirLockedError(dataDir, holder.pid);
      // Two processes taking over the same stale lock at the same instant could both
      // succeed here; starting two servers on one directory at once is not supported.
      rmSync(file, { force: true });
      onStale(
        `dtplan: khoá cũ của tiến trình ${holder ? `pid ${holder.pid}` : "không rõ"} (không còn chạy) trên ${dataDir} đã được gỡ; tiếp tục. ` +
          "(Took over a stale lock left by a process that is gone.)",
      );
    }
  }
  throw new Error(`Không lấy được khoá ${file}`);
}
