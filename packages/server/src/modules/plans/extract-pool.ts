// Reading and extracting an uploaded plan takes seconds of CPU for a large file
// (≈2.6 s for 5 MB of text on the 2-core machine); on the event loop that would
// make every other user's request wait. So imports run in a small pool of worker
// threads: one file per worker at a time, the rest wait in a short queue.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { PlanExtractError, type PlanExtractErrorCode } from "@dtplan/domain/extract/errors.ts";
import type { ExtractJob, ExtractJobResult } from "./extract-job.ts";

export interface ExtractPoolOptions {
  /** Worker threads at most (default: one core left to the event loop, between 1 and 4). */
  size?: number;
  /** Files waiting for a free worker at most; one more is refused with ExtractPoolBusy. */
  maxQueue?: number;
  /** A file still being read after this ends its worker (default 120 s). */
  timeoutMs?: number;
  /** An idle worker ends after this (default 60 s); the next import starts one again (≈0.5 s). */
  idleMs?: number;
}

/** Too many files are already waiting. */
export class ExtractPoolBusy extends Error {
  override name = "ExtractPoolBusy";
}

/** The file took longer than `timeoutMs`, or its worker ran out of memory or crashed. */
export class ExtractAborted extends Error {
  override name = "ExtractAborted";
  constructor(readonly reason: "timeout" | "memory" | "crash") {
    super(`extraction ${reason}`);
  }
}

interface Pending {
  job: ExtractJob;
  resolve: (result: ExtractJobResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Pending | null;
  timer: NodeJS.Timeout | null;
}

type WorkerReply =
  | { result: ExtractJobResult }
  | { error: { name: string; message: string; code?: string; messageEn?: string } };

function revive(error: Extract<WorkerReply, { error: unknown }>["error"]): Error {
  if (error.name === "PlanExtractError" && error.code) {
    return new PlanExtractError(error.code as PlanExtractErrorCode, error.message, error.messageEn ?? "");
  }
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

export class ExtractPool {
  readonly size: number;
  readonly #maxQueue: number;
  readonly #timeoutMs: number;
  readonly #idleMs: number;
  readonly #slots = new Set<Slot>();
  readonly #idle = new Map<Slot, NodeJS.Timeout>();
  readonly #queue: Pending[] = [];
  #closed = false;

  constructor(options: ExtractPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, availableParallelism() - 1));
    this.#maxQueue = options.maxQueue ?? 16;
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.#idleMs = options.idleMs ?? 60_000;
  }

  /** Files being read right now. */
  get running(): number {
    let n = 0;
    for (const slot of this.#slots) if (slot.task) n++;
    return n;
  }

  /** Files waiting for a worker. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Reads and extracts `job` in a worker; a reader's refusal rejects with its PlanExtractError. */
  run(job: ExtractJob): Promise<ExtractJobResult> {
    if (this.#closed) return Promise.reject(new Error("extract pool is closed"));
    if (this.#queue.length >= this.#maxQueue && !this.#freeSlot()) {
      return Promise.reject(new ExtractPoolBusy("too many plan imports waiting"));
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, resolve, reject });
      this.#dispatch();
    });
  }

  /** Ends every worker; waiting and running files are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0)) pending.reject(new Error("extract pool is closed"));
    const slots = [...this.#slots];
    for (const slot of slots) this.#end(slot, new Error("extract pool is closed"));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  #freeSlot(): Slot | null {
    for (const slot of this.#slots) if (!slot.task) return slot;
    return this.#slots.size < this.size ? this.#spawn() : null;
  }

  #dispatch(): void {
    while (this.#queue.length) {
      const slot = this.#freeSlot();
      if (!slot) return;
      const task = this.#queue.shift() as Pending;
      const idle = this.#idle.get(slot);
      if (idle) clearTimeout(idle);
      this.#idle.delete(slot);
      slot.task = task;
      slot.timer = setTimeout(() => this.#end(slot, new ExtractAborted("timeout")), this.#timeoutMs);
      slot.worker.ref();
      if ("bytes" in task.job) {
        // A copy is transferred: the caller's buffer may be a view of a shared pool.
        const bytes = new Uint8Array(task.job.bytes);
        slot.worker.postMessage({ job: { ...task.job, bytes } }, [bytes.buffer]);
      } else slot.worker.postMessage({ job: task.job });
    }
  }

  #spawn(): Slot {
    const worker = new Worker(new URL("./extract-worker.mjs", import.meta.url), {
      // The worker registers its own TypeScript loader; a hostile file exhausting
      // memory ends the worker, not the server.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 1536 },
    });
    const slot: Slot = { worker, task: null, timer: null };
    worker.on("message", (reply: WorkerReply) => {
      const task = slot.task;
      if (!task) return;
      this.#release(slot);
      if ("error" in reply) task.reject(revive(reply.error));
      else task.resolve(reply.result);
      this.#dispatch();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      this.#end(
        slot,
        new ExtractAborted(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crash"),
        error,
      );
    });
    worker.on("exit", () => this.#end(slot, new ExtractAborted("crash")));
    worker.unref();
    this.#slots.add(slot);
    return slot;
  }

  /** The slot's file is done: the worker waits (unref'd, so it never keeps a process alive). */
  #release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
    const idle = setTimeout(() => this.#end(slot, null), this.#idleMs);
    idle.unref();
    this.#idle.set(slot, idle);
  }

  /** Ends a worker (timeout, crash, idle, close); its file, if any, is refused with `error`. */
  #end(slot: Slot, error: Error | null, cause?: Error): void {
    if (!this.#slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    const idle = this.#idle.get(slot);
    if (idle) clearTimeout(idle);
    this.#idle.delete(slot);
    const task = slot.task;
    slot.task = null;
    void slot.worker.terminate();
    if (task) {
      if (cause && error) error.cause = cause;
      task.reject(error ?? new ExtractAborted("crash"));
    }
    if (!this.#closed) this.#dispatch();
  }
}
