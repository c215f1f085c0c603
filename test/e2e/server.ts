/** Test helpers of the server: a store built from articles, a server on port 0, raw HTTP requests. */
import { execFile } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { promisify } from "node:util";
import { type RunningServer, type ServeOptions, startServer } from "../../src/serve/server.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "article-kg.js");

/** Runs the CLI and returns its stdout. */
export async function cli(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...args], { maxBuffer: 64 << 20 });
  return stdout;
}

/** Builds a store from the sample articles. */
export async function buildSamples(store: string): Promise<void> {
  await cli("build", join(import.meta.dirname, "..", "..", "data", "samples"), "--store", store);
}

/** Starts a server on a free port, collecting its log lines. */
export async function serve(
  options: Partial<ServeOptions> & { storeDir: string | undefined },
): Promise<RunningServer & { logs: string[] }> {
  const logs: string[] = [];
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    timeoutMs: 20_000,
    workers: 2,
    log: (l) => logs.push(l),
    ...options,
  });
  return Object.assign(server, { logs });
}

/** An HTTP answer. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request (no header is added: a body without Content-Type stays without one). */
export function http(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? "GET", headers: init.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
