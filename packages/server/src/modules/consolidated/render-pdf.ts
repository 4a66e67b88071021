import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** LibreOffice is not installed (or could not start): the PDF cannot be made here. */
export class PdfUnavailableError extends Error {
  override name = "PdfUnavailableError";
}

export interface PdfOptions {
  /** The LibreOffice binary (default `soffice` on the PATH). */
  soffice?: string;
  timeoutMs?: number;
}

// LibreOffice runs one conversion at a time per profile and is heavy: queue them.
let queue: Promise<unknown> = Promise.resolve();

/**
 * DOCX → PDF through LibreOffice (`soffice --headless --convert-to pdf`), one at a time,
 * each in its own temporary directory with its own HOME and user profile (a profile
 * shared between runs, or an unwritable HOME, makes soffice hang or exit silently).
 */
export function docxToPdf(docx: Buffer, options: PdfOptions = {}): Promise<Buffer> {
  const job = queue.then(() => convert(docx, options));
  queue = job.catch(() => undefined);
  return job;
}

async function convert(
  docx: Buffer,
  { soffice = "soffice", timeoutMs = 90_000 }: PdfOptions,
): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), "dtplan-pdf-"));
  try {
    const input = path.join(dir, "bao-cao.docx");
    await writeFile(input, docx);
    const profile = pathToFileURL(path.join(dir, "profile")).href;
    await run(
      soffice,
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--norestore",
        "--nologo",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        input,
      ],
      { ...process.env, HOME: dir },
      timeoutMs,
    );
    try {
      return await readFile(path.join(dir, "bao-cao.pdf"));
    } catch {
      throw new Error("LibreOffice không tạo ra tệp PDF.");
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout also ends soffice.bin behind the wrapper script.
    const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
      reject(new Error(`Chuyển sang PDF quá ${Math.round(timeoutMs / 1000)} giây.`));
    }, timeoutMs);
    child.once("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === "ENOENT" || error.code === "EACCES"
          ? new PdfUnavailableError(
              "Máy chủ chưa cài LibreOffice (soffice) nên chưa xuất được PDF; hãy tải bản DOCX, hoặc nhờ quản trị cài gói libreoffice-writer-nogui.",
            )
          : error,
      );
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`LibreOffice dừng với mã ${code}: ${stderr.trim()}`));
    });
  });
}
