/**
 * kill -9 at random moments of real `build`, `import` and server-update processes over a store
 * that holds a previous build: afterwards the store opens (its checksum holds) and is either
 * the old or the new content, never a mix or a half file, and a re-run completes (taking over
 * the lock the killed process left). The moments are seeded: a failure names its seed and delay.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../bench/corpus/generate.js";
import { KgStore, STORE_FILE } from "../src/store/index.js";
import { KG_BIN } from "./helpers/cli.js";

const SEED = Number(process.env.CRASH_SEED ?? 3);
// Every build this file starts stamps the same time (reproducible builds): the new store is then
// one content, whatever the moment (void:distinctObjects counted one timestamp less when a build's
// start and end fell in the same millisecond).
process.env.SOURCE_DATE_EPOCH = "1767225600";
const BUILD_KILLS = 20;
const IMPORT_KILLS = 8;
const SERVER_KILLS = 6;
const TOKEN = "crash-test-token";

/** A seeded generator of numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What a store holds, as a hash of its sorted quads; times of day (build and save times in
 * the provenance and description graphs) are left out, since two runs of the same build
 * differ only there. Opening checks the file (header, end line, checksum).
 */
async function fingerprint(dir: string, old?: Buffer): Promise<{ hash: string; quads: number }> {
  const store = await KgStore.open(dir);
  // the old file as it was (fast path): same bytes
  if (old?.equals(await readFile(join(dir, STORE_FILE)))) return oldPrint;
  const lines: string[] = [];
  for (const g of [null, ...store.graphs()])
    for (const q of store.quadsOf(g)) {
      const o = q.object;
      const dt = o.termType === "Literal" ? `^^${o.datatype.value}@${o.language}` : "";
      lines.push(`${q.subject.value} ${q.predicate.value} ${o.termType}:${o.value}${dt} ${g ?? ""}`);
    }
  const text = lines
    .map((l) => l.replace(/\d{4}-\d\d-\d\dT\d\d:?\d\d:?\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?/gu, "T"))
    .sort()
    .join("\n");
  return { hash: createHash("sha256").update(text).digest("hex"), quads: store.size };
}

function run(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [KG_BIN, ...args], { maxBuffer: 64 << 20 }, (error, _out, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stderr }),
    );
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once("exit", () => r()));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let tmp: string;
let oldStore: string; // store.nq of the previous build (copied in before each kill)
let oldBytes: Buffer;
let oldPrint: { hash: string; quads: number };
let articlesB: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "kg-crash-"));
  // Two corpora of our own generator: A is the previous build, B the new one.
  const write = async (dir: string, seed: number, n: number) => {
    await mkdir(dir, { recursive: true });
    for (const a of generateCorpus(seed, n)) await writeFile(join(dir, `${a.name}-s${seed}.txt`), a.text);
  };
  await write(join(tmp, "a"), SEED, 30);
  articlesB = join(tmp, "b");
  await write(articlesB, SEED + 1000, 8);
  const base = join(tmp, "base");
  const r = await run(["build", join(tmp, "a"), "--store", base]);
  expect(r.code, r.stderr).toBe(0);
  oldStore = join(tmp, "old.nq");
  await copyFile(join(base, STORE_FILE), oldStore);
  oldBytes = await readFile(oldStore);
  oldPrint = await fingerprint(base);
}, 120_000);
afterAll(async () => {
  // a test that failed or timed out may leave a process of its own running
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await rm(tmp, { recursive: true, force: true });
});

/** Every process the tests start. */
const children: ChildProcess[] = [];
function started(c: ChildProcess): ChildProcess {
  children.push(c);
  return c;
}

/** A store directory holding the previous build (and whatever a killed writer left beside it). */
async function resetTo(dir: string, file: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await copyFile(file, join(dir, STORE_FILE));
}

/** Resolves when `file` exists (polled every few ms), or after `ms`; says whether it appeared. */
async function appears(file: string, ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (existsSync(file)) return true;
    await sleep(3);
  }
  return false;
}

/**
 * Kills `start()`'s process `kills` times and checks the store each time; returns how many
 * kills left the old and the new content. Every other kill comes at a random moment of the
 * whole run (about its usual duration); the others at a random moment of the write itself:
 * once the temporary store file appears, within the time a write takes.
 */
async function killAtRandom(options: {
  readonly name: string;
  readonly kills: number;
  readonly dir: string;
  readonly old: { hash: string; quads: number };
  readonly next: { hash: string; quads: number };
  readonly durationMs: number;
  readonly writeMs: number;
  readonly start: () => Promise<ChildProcess>;
}): Promise<{ old: number; new: number }> {
  const rnd = random(SEED * 7919 + options.name.length);
  const seen = { old: 0, new: 0 };
  const tmpFile = join(options.dir, `${STORE_FILE}.tmp`);
  for (let i = 0; i < options.kills; i++) {
    await resetTo(options.dir, oldStore);
    await rm(tmpFile, { force: true });
    const inWrite = i % 2 === 1;
    const delay = Math.round(inWrite ? options.writeMs * rnd() : options.durationMs * (0.02 + rnd()));
    const child = await options.start();
    if (inWrite) await appears(tmpFile, options.durationMs * 3);
    await sleep(delay);
    child.kill("SIGKILL");
    await exited(child);
    const where = `${options.name}: kill ${i + 1} ${inWrite ? "into the write" : "into the run"} after ${delay} ms (CRASH_SEED=${SEED})`;
    const fp = await fingerprint(options.dir, oldBytes).catch((e: unknown) => {
      throw new Error(`${where}: the store does not open: ${(e as Error).message}`);
    });
    if (fp.hash === options.old.hash) seen.old++;
    else if (fp.hash === options.next.hash) seen.new++;
    else
      expect.fail(
        `${where}: the store is neither the old (${options.old.quads} quads) nor the new (${options.next.quads}) one: ${fp.quads} quads`,
      );
  }
  console.log(`${options.name}: ${options.kills} kills → ${seen.old} old, ${seen.new} new store`);
  return seen;
}

/**
 * Runs `start()` once to the end: how long it took, and how long its write took (from the
 * temporary file appearing to the process's end, an upper bound).
 */
async function timed(
  dir: string,
  start: () => Promise<ChildProcess>,
  done: (child: ChildProcess) => Promise<void> = exited,
): Promise<{ durationMs: number; writeMs: number }> {
  const t = performance.now();
  const child = await start();
  const seen = appears(join(dir, `${STORE_FILE}.tmp`), 600_000).then(() => performance.now());
  await done(child);
  const end = performance.now();
  const wrote = await Promise.race([seen, sleep(10).then(() => end)]);
  return { durationMs: end - t, writeMs: Math.max(20, end - wrote) };
}

describe("kill -9 never leaves a half store", () => {
  it("build: at ≥ 20 random moments the store is the old or the new one; a re-run completes", async () => {
    const dir = join(tmp, "build");
    const start = async () =>
      started(spawn(process.execPath, [KG_BIN, "build", articlesB, "--store", dir], { stdio: "ignore" }));
    // The new content, and how long a whole run and its write take.
    await resetTo(dir, oldStore);
    let code: number | null = null;
    const full = await timed(dir, start, async (c) => {
      await exited(c);
      code = c.exitCode;
    });
    expect(code).toBe(0);
    const next = await fingerprint(dir);
    expect(next.hash).not.toBe(oldPrint.hash);
    await killAtRandom({ name: "build", kills: BUILD_KILLS, dir, old: oldPrint, next, ...full, start });
    // The killed runs left a lock (of a dead process) and maybe a temporary file: a re-run completes.
    await resetTo(dir, oldStore);
    const again = await run(["build", articlesB, "--store", dir]);
    expect(again.code, again.stderr).toBe(0);
    expect((await fingerprint(dir)).hash).toBe(next.hash);
    expect(await readdir(dir)).not.toContain("store.lock");
  }, 600_000);

  it("import: at random moments the store is the old or the new one; a re-run completes", async () => {
    const dir = join(tmp, "import");
    const nt = join(tmp, "big.nt");
    const lines: string[] = [];
    for (let i = 0; i < 30_000; i++)
      lines.push(`<http://example.org/s/${i}> <http://example.org/p/${i % 17}> "value ${i} \\"quoted\\" 值" .\n`);
    await writeFile(nt, lines.join(""));
    const args = ["import", nt, "--graph", "http://example.org/big", "--store", dir];
    const start = async () => started(spawn(process.execPath, [KG_BIN, ...args], { stdio: "ignore" }));
    await resetTo(dir, oldStore);
    const full = await timed(dir, start);
    const next = await fingerprint(dir);
    expect(next.quads).toBe(oldPrint.quads + 30_000);
    await killAtRandom({ name: "import", kills: IMPORT_KILLS, dir, old: oldPrint, next, ...full, start });
    await resetTo(dir, oldStore);
    const again = await run(args);
    expect(again.code, again.stderr).toBe(0);
    expect((await fingerprint(dir)).hash).toBe(next.hash);
  }, 600_000);

  it("server: killed during a large INSERT DATA, the store is the old or the new one; a re-run completes", async () => {
    const dir = join(tmp, "serve");
    const triples: string[] = [];
    for (let i = 0; i < 30_000; i++) triples.push(`<http://example.org/u/${i}> <http://example.org/q> "更新 ${i}" .`);
    const update = `INSERT DATA { GRAPH <http://example.org/updated> {\n${triples.join("\n")}\n} }`;
    const serve = async (): Promise<{ child: ChildProcess; url: string }> => {
      const child = started(
        spawn(
          process.execPath,
          [
            KG_BIN,
            "serve",
            "--store",
            dir,
            "--port",
            "0",
            "--allow-update",
            "--token",
            TOKEN,
            "--workers",
            "1",
            "--max-body",
            String(16 << 20),
          ],
          { stdio: ["ignore", "ignore", "pipe"] },
        ),
      );
      let err = "";
      return new Promise((resolve, reject) => {
        child.stderr?.on("data", (c: Buffer) => {
          err += c.toString("utf8");
          const m = /serving .* at (http:\/\/[^/\s]+)\//u.exec(err);
          if (m?.[1]) resolve({ child, url: m[1] });
        });
        child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
      });
    };
    const post = (url: string) =>
      fetch(`${url}/sparql`, {
        method: "POST",
        headers: { "content-type": "application/sparql-update", authorization: `Bearer ${TOKEN}` },
        body: update,
      });
    // The update is the run: from the request to its answer (the server is up before).
    let answer: Promise<Response> = Promise.reject(new Error("not sent"));
    answer.catch(() => {});
    const start = async () => {
      const s = await serve();
      answer = post(s.url);
      answer.catch(() => {}); // killed: the answer never comes
      return s.child;
    };
    await resetTo(dir, oldStore);
    let child: ChildProcess | undefined;
    const full = await timed(
      dir,
      async () => {
        child = await start();
        return child;
      },
      async () => {
        const res = await answer;
        expect(res.status, await res.text()).toBeLessThan(300);
      },
    );
    child?.kill("SIGKILL");
    if (child) await exited(child);
    const next = await fingerprint(dir);
    expect(next.quads).toBe(oldPrint.quads + 30_000);

    await killAtRandom({ name: "server update", kills: SERVER_KILLS, dir, old: oldPrint, next, ...full, start });
    await resetTo(dir, oldStore);
    const s = await serve();
    const done = await post(s.url);
    expect(done.status).toBeLessThan(300);
    s.child.kill("SIGTERM");
    await exited(s.child);
    expect((await fingerprint(dir)).hash).toBe(next.hash);
  }, 600_000);
});
