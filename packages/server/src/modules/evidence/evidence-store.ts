import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EvidenceStoreConfig } from "../../config.ts";
import { S3Store } from "./s3-store.ts";

/** Where evidence bytes live. Keys are random ids chosen by dtplan, never user file names. */
export interface EvidenceStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object; a missing object is not an error. */
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/-]{0,200}$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..") || key.includes("//")) {
    throw new Error(`Unsafe evidence key: ${key}`);
  }
}

/** Files under one directory; written to a temporary name first, so a reader never sees half a file. */
export class LocalDiskStore implements EvidenceStore {
  constructor(readonly dir: string) {}

  private pathOf(key: string): string {
    assertSafeKey(key);
    return path.join(this.dir, ...key.split("/"));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    await writeFile(partial, bytes, { flag: "wx" });
    await rename(partial, file);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (error) {
      if ((error as { code?: string }).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

export function createEvidenceStore(config: EvidenceStoreConfig): EvidenceStore {
  return config.kind === "s3" ? new S3Store(config) : new LocalDiskStore(config.dir);
}
