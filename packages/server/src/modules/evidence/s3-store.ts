import { createHash, createHmac } from "node:crypto";
import type { EvidenceStore } from "./evidence-store.ts";
import { assertSafeKey } from "./evidence-store.ts";

const sha256Hex = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Uint8Array | string, data: string) => createHmac("sha256", key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const uriEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface SigV4Request {
  method: string;
  url: URL;
  /** Headers to sign besides host, x-amz-date and x-amz-content-sha256. */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body (of "" for none). */
  payloadHash: string;
}

export interface SigV4Credentials {
  accessKey: string;
  secretKey: string;
  region: string;
  service?: string;
}

/**
 * AWS Signature Version 4 for a header-signed request: returns the headers to send
 * (`authorization`, `x-amz-date`, `x-amz-content-sha256` and the ones passed in).
 * The path is taken as already encoded (S3 does not double-encode).
 */
export function signV4(
  request: SigV4Request,
  credentials: SigV4Credentials,
  now: Date,
): Record<string, string> {
  const service = credentials.service ?? "s3";
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  headers.host = request.url.host;
  headers["x-amz-date"] = amzDate;
  headers["x-amz-content-sha256"] = request.payloadHash;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n].trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  const query = [...request.url.searchParams.entries()]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalRequest = [
    request.method.toUpperCase(),
    request.url.pathname || "/",
    query,
    canonicalHeaders,
    signedHeaders,
    request.payloadHash,
  ].join("\n");
  const scope = `${day}/${credentials.region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretKey}`, day), credentials.region), service),
    "aws4_request",
  );
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKey}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}

export interface S3StoreConfig {
  endpoint: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

/** An S3-compatible bucket (AWS, MinIO, Ceph …) over plain `fetch`, addressed path-style. */
export class S3Store implements EvidenceStore {
  constructor(
    private readonly config: S3StoreConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private urlOf(key: string): URL {
    assertSafeKey(key);
    const base = this.config.endpoint.replace(/\/+$/, "");
    const path = [this.config.bucket, ...key.split("/")].map(uriEncode).join("/");
    return new URL(`${base}/${path}`);
  }

  private async send(method: string, key: string, body?: Uint8Array): Promise<Response> {
    const url = this.urlOf(key);
    const payloadHash = sha256Hex(body ?? "");
    const headers = signV4(
      {
        method,
        url,
        payloadHash,
        headers: body ? { "content-type": "application/octet-stream" } : {},
      },
      this.config,
      new Date(),
    );
    // `host` is set by fetch itself from the URL.
    const { host: _, ...sent } = headers;
    return this.fetchImpl(url, { method, headers: sent, body: body ? Buffer.from(body) : undefined });
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const response = await this.send("PUT", key, bytes);
    if (!response.ok) throw new Error(`S3 PUT ${key} failed: ${response.status}`);
  }

  async get(key: string): Promise<Uint8Array | null> {
    const response = await this.send("GET", key);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`S3 GET ${key} failed: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const response = await this.send("DELETE", key);
    if (!response.ok && response.status !== 404)
      throw new Error(`S3 DELETE ${key} failed: ${response.status}`);
  }
}
