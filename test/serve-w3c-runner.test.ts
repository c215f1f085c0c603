/**
 * The W3C SPARQL 1.1 Protocol manifest run the way an outside conformance check runs it:
 * ../shared/w3c/run-protocol.py (Debian /usr/bin/python3 with python3-rdflib) sends all 34
 * cases, in order, to ONE `article-kg serve --allow-update --token T` process started once
 * with its default workers. Every case must pass, the server must still answer a query
 * afterwards, and its resident memory must be back near where it started (the update cases
 * once spun the pool's write loop until the heap limit aborted the process).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, http } from "./e2e/server.js";
import { havePythonModule } from "./helpers/tools.js";

const SHARED = join(import.meta.dirname, "..", "..", "shared", "w3c");
const DIR = join(SHARED, "sparql11-protocol");
const RUNNER = join(SHARED, "run-protocol.py");
const BIN = join(import.meta.dirname, "..", "bin", "article-kg.js");
const present = existsSync(RUNNER) && existsSync(join(DIR, "manifest.ttl"));
if (!present && process.env.CI) throw new Error(`the W3C runner is missing at ${RUNNER} (CI needs ../shared)`);
const runnable = present && havePythonModule("rdflib", "python3-rdflib");
const TOKEN = "w3c-runner-secret";

/** Resident memory of a process in bytes (Linux /proc). */
function rssOf(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/mu.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m?.[1] ?? 0) * 1024;
}

/** Starts `article-kg serve` on a free port; resolves with its URL once it listens. */
function startServe(store: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(
    process.execPath,
    [BIN, "serve", "--store", store, "--port", "0", "--allow-update", "--token", TOKEN],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let err = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${err}`)), 60_000);
    child.stderr?.on("data", (c: Buffer) => {
      err += c.toString("utf8");
      const m = /serving .* at (http:\/\/[^/\s]+)\//u.exec(err);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], stderr: () => err });
      }
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${err}`)));
  });
}

describe.skipIf(!runnable)("run-protocol.py against one long-running server", () => {
  let tmp: string;
  let server: Awaited<ReturnType<typeof startServe>>;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "kg-w3c-runner-"));
    const store = join(tmp, "store");
    for (const n of [1, 2, 3])
      await cli(
        "import",
        join(DIR, `data${n}.nt`),
        "--graph",
        `http://kasei.us/2009/09/sparql/data/data${n}.rdf`,
        "--store",
        store,
      );
    server = await startServe(store);
  }, 120_000);
  afterAll(async () => {
    server?.child.kill("SIGTERM");
    await rm(tmp, { recursive: true, force: true });
  });

  it("passes all 34 cases in order, then answers a query with its memory near where it started", async () => {
    const pid = server.child.pid as number;
    const before = rssOf(pid);
    const { stdout } = await promisify(execFile)(
      "/usr/bin/python3",
      [RUNNER, `${server.url}/sparql`, "--token", TOKEN],
      { timeout: 240_000 },
    ).catch((e: { stdout?: string; message: string }) => {
      throw new Error(`runner failed: ${e.stdout ?? e.message}\n${server.stderr().slice(-2000)}`);
    });
    expect(stdout.trim().split("\n").at(-1)).toBe("34 passed, 0 failed, 0 skipped");
    const answer = await http(`${server.url}/sparql?query=${encodeURIComponent("ASK { GRAPH ?g { ?s ?p ?o } }")}`, {
      headers: { accept: "application/sparql-results+json" },
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ boolean: true });
    const after = rssOf(pid);
    // the figures the issue asks for in its closing note, in the CI log
    console.log(`W3C protocol runner: 34 passed; server RSS ${before >> 20} MiB before, ${after >> 20} MiB after`);
    // Workers are replaced after every write; a leak or a runaway loop shows as hundreds of MB.
    expect(after - before, `RSS ${before >> 20} MiB → ${after >> 20} MiB`).toBeLessThan(150 << 20);
    expect(server.child.exitCode).toBeNull();
  }, 300_000);
});
