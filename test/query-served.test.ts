/**
 * `article-kg query` on a store that `article-kg serve` holds: the query goes to the server
 * (found through serve.json) and answers exactly as a local run does; a stale serve.json (dead
 * process, nothing listening, a store rebuilt since) is ignored; `--timeout` stops a query with
 * one line and exit code 124, locally and through the server.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, utimesSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_TIMEOUT } from "../src/errors.js";
import { STORE_FILE } from "../src/store/index.js";
import { announceServer, DATA_FILE, findServer, readServed, SERVED_FILE, withdrawServer } from "../src/store/served.js";
import { kg } from "./helpers/cli.js";

const BIN = join(import.meta.dirname, "..", "bin", "article-kg.js");
const BASE = "https://w3id.org/article-kg/";
const SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

let tmp: string;
let store: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "kg-served-"));
  store = join(tmp, "store");
  const r = await kg("build", "data/samples", "--store", store);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(async () => rm(tmp, { recursive: true, force: true }));

/** A pid that no process has (a child that has exited). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

describe("serve.json", () => {
  it("names the data file the store writes", () => expect(DATA_FILE).toBe(STORE_FILE));

  it("is trusted only while the process lives, the base matches and the store file is unchanged", async () => {
    const dir = join(tmp, "unit");
    const r = await kg("build", "data/samples/dingxi-2021.txt", "--store", dir);
    expect(r.code, r.stderr).toBe(0);
    announceServer(dir, { url: "http://127.0.0.1:9", pid: process.pid, base: BASE });
    expect(findServer(dir, BASE)?.url).toBe("http://127.0.0.1:9");
    expect(findServer(dir, "https://example.org/other/")).toBeUndefined();
    // a rebuilt store (here: its file touched) makes the server's copy stale
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, STORE_FILE), later, later);
    expect(findServer(dir, BASE)).toBeUndefined();
    announceServer(dir, { url: "http://127.0.0.1:9", pid: deadPid(), base: BASE });
    expect(readServed(dir)).toBeDefined();
    expect(findServer(dir, BASE)).toBeUndefined();
    // only the announcing process removes it
    withdrawServer(dir);
    expect(existsSync(join(dir, SERVED_FILE))).toBe(true);
    withdrawServer(dir, readServed(dir)?.pid);
    expect(existsSync(join(dir, SERVED_FILE))).toBe(false);
    writeFileSync(join(dir, SERVED_FILE), "{ not json");
    expect(findServer(dir, BASE)).toBeUndefined();
  }, 60_000);
});

describe("query through a running server", () => {
  let server: ChildProcess;
  let log = "";
  const requests = () => log.split("\n").filter((l) => l.includes('"POST /sparql"')).length;

  beforeAll(async () => {
    server = spawn(process.execPath, [BIN, "serve", "--store", store, "--port", "0", "--workers", "1"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    server.stderr?.on("data", (d: Buffer) => {
      log += d.toString();
    });
    const until = Date.now() + 90_000;
    while (!existsSync(join(store, SERVED_FILE)) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(join(store, SERVED_FILE)), log).toBe(true);
  }, 120_000);
  afterAll(() => {
    if (server.exitCode === null) server.kill("SIGKILL");
  });

  it("sends the query to the server and prints what a local run prints", async () => {
    for (const format of ["json", "table"]) {
      const before = requests();
      const served = await kg("query", "fact-sources", "--store", store, "--format", format);
      expect(served.code, served.stderr).toBe(0);
      expect(requests()).toBe(before + 1);
      const local = await kg("query", "fact-sources", "--store", store, "--format", format, "--no-server");
      expect(local.code, local.stderr).toBe(0);
      expect(requests()).toBe(before + 1);
      expect(served.stdout).toBe(local.stdout);
    }
    const graph = "CONSTRUCT { ?o a qb:Observation } WHERE { ?o a qb:Observation }";
    const served = await kg("query", graph, "--store", store);
    const local = await kg("query", graph, "--store", store, "--no-server");
    expect(served.stdout).toBe(local.stdout);
    expect(served.stdout).toContain("Observation");
  }, 120_000);

  it("reports a syntax error as a local run does (exit 2, line and column)", async () => {
    const r = await kg("query", "SELECT ?x WHERE { ?x ?y }", "--store", store);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^article-kg: line 1, column \d+: /u);
  }, 60_000);

  it("stops a query past --timeout with one line and exit code 124", async () => {
    const r = await kg("query", SLOW, "--store", store, "--timeout", "200");
    expect(r.code).toBe(EXIT_TIMEOUT);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/time limit of 200 ms/u);
  }, 60_000);

  it("removes serve.json when the server stops", async () => {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await exited;
    expect(existsSync(join(store, SERVED_FILE))).toBe(false);
  }, 60_000);
});

describe("query without a usable server", () => {
  it("ignores a serve.json left by a dead server and loads the store", async () => {
    const expected = await kg("query", "fact-sources", "--store", store, "--format", "tsv", "--no-server");
    announceServer(store, { url: "http://127.0.0.1:9", pid: deadPid(), base: BASE });
    const r = await kg("query", "fact-sources", "--store", store, "--format", "tsv");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected.stdout);
    // a live process that does not answer (nothing listens there): loaded here too
    announceServer(store, { url: "http://127.0.0.1:9", pid: process.pid, base: BASE });
    const again = await kg("query", "fact-sources", "--store", store, "--format", "tsv");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(expected.stdout);
    withdrawServer(store);
  }, 120_000);

  it("stops a local query past --timeout with one line and exit code 124, no stack", async () => {
    const r = await kg("query", SLOW, "--store", store, "--timeout", "200");
    expect(r.code).toBe(EXIT_TIMEOUT);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^article-kg: the query ran past the time limit of 200 ms/u);
    const bad = await kg("query", "fact-sources", "--store", store, "--timeout", "0");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--timeout/u);
  }, 120_000);
});
