/**
 * The store file checks itself and keeps one previous generation; one writer at a time per
 * store directory, with a lock a dead process does not keep. (The kill -9 test of real
 * processes is crash-safety.test.ts.)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rename, rm, truncate, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXIT_LOCKED, KgError } from "../src/errors.js";
import { KgStore, LOCK_FILE, lockStoreSync, STORE_FILE } from "../src/store/index.js";
import { isStale, readLock } from "../src/store/lock.js";
import { kgWith } from "./helpers/cli.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-safety-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const triple = (n: number) => `<http://ex/s${n}> <http://ex/p> "v${n}" .\n`;

async function storeWith(graphs: number): Promise<KgStore> {
  const s = await KgStore.open(dir);
  for (let i = 0; i < graphs; i++) s.loadText(triple(i) + triple(i + 1000), "text/turtle", `http://ex/g${i}`);
  await s.save();
  return s;
}

async function openError(): Promise<KgError> {
  const e = await KgStore.open(dir).then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof KgError)) throw new Error(`expected a KgError, got ${String(e)}`);
  return e;
}

describe("the store file", () => {
  it("has a header and an end line with the quad count and checksum, and keeps the previous generation", async () => {
    const s = await storeWith(2);
    const file = join(dir, STORE_FILE);
    const first = await readFile(file, "utf8");
    expect(first.startsWith("# article-kg store 1\n")).toBe(true);
    expect(first).toMatch(/\n# article-kg end: quads=4 bytes=\d+ sha256=[0-9a-f]{64}\n$/u);
    s.loadText(triple(7), "text/turtle", "http://ex/g7");
    await s.save();
    expect(await readFile(`${file}.prev`, "utf8")).toBe(first);
    expect((await KgStore.open(dir)).size).toBe(5);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("refuses a changed byte (checksum), leaves the file untouched and says how to recover the previous one", async () => {
    const s = await storeWith(2);
    s.loadText(triple(7), "text/turtle", "http://ex/g7");
    await s.save();
    const file = join(dir, STORE_FILE);
    const text = await readFile(file, "utf8");
    const changed = text.replace('"v1"', '"v9"');
    await writeFile(file, changed);
    const e = await openError();
    expect(e.code).toBe("E_STORE_CORRUPT");
    expect(e.message).toContain("checksum does not match");
    expect(e.message).toContain(`mv ${file}.prev ${file}`);
    expect(e.message).toContain("(4 quads)");
    expect(e.message).not.toContain("\n");
    expect(await readFile(file, "utf8")).toBe(changed);
    // the advice works
    await rename(`${file}.prev`, file);
    expect((await KgStore.open(dir)).size).toBe(4);
  });

  it("refuses a file cut short at a line boundary (parses, but its end line is missing)", async () => {
    await storeWith(3);
    const file = join(dir, STORE_FILE);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, text.indexOf("\n", 40) + 1));
    const e = await openError();
    expect(e.code).toBe("E_STORE_CORRUPT");
    expect(e.message).toContain("cut short");
  });

  it("refuses a file cut inside a line, naming the cause", async () => {
    await storeWith(3);
    const file = join(dir, STORE_FILE);
    await truncate(file, 60);
    const e = await openError();
    expect(e.code).toBe("E_STORE_CORRUPT");
    expect(e.message).toContain("cut short");
    expect(e.message).toContain("Restore it from a backup");
  });

  it("refuses a missing store.nq next to its previous generation instead of starting empty", async () => {
    const s = await storeWith(1);
    s.loadText(triple(7), "text/turtle", "http://ex/g7");
    await s.save();
    await rm(join(dir, STORE_FILE));
    const e = await openError();
    expect(e.code).toBe("E_STORE_CORRUPT");
    expect(e.message).toContain("is missing");
  });

  it("reads a store file of an older version (no header, no checksum)", async () => {
    await writeFile(join(dir, STORE_FILE), '<http://ex/a> <http://ex/b> "c" <http://ex/g> .\n');
    const s = await KgStore.open(dir);
    expect(s.size).toBe(1);
    s.loadText(triple(1), "text/turtle", "http://ex/g1");
    await s.save();
    expect((await KgStore.open(dir)).size).toBe(2);
  });
});

describe("one writer at a time", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill("SIGKILL");
    child = undefined;
  });

  /** A lock file as another process would write it. */
  async function lockBy(pid: number, started = new Date().toISOString()): Promise<void> {
    await writeFile(
      join(dir, LOCK_FILE),
      `${JSON.stringify({ pid, host: hostname(), started, acquired: started, command: "build x" })}\n`,
    );
  }

  function sleeper(): ChildProcess {
    const c = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    if (c.pid === undefined) throw new Error("no child");
    return c;
  }

  it("refuses a second writer with a one-line message and exit 75 while a live process holds the lock", async () => {
    await storeWith(1);
    child = sleeper();
    await lockBy(child.pid as number);
    const e = (() => {
      try {
        lockStoreSync(dir, 100);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toMatchObject({ code: "E_STORE_LOCKED" });
    await writeFile(join(dir, "x.nt"), triple(3));
    const r = await kgWith(
      { env: { ARTICLE_KG_LOCK_WAIT: "0" } },
      "import",
      join(dir, "x.nt"),
      "--store",
      dir,
      "--graph",
      "http://ex/x",
    );
    expect(r.code).toBe(EXIT_LOCKED);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`process ${child.pid}`);
    expect(r.stderr).toContain(LOCK_FILE);
    expect((await KgStore.open(dir)).size).toBe(2);
  });

  it("takes over the lock of a dead process, and of a pid now used by a later process", async () => {
    await storeWith(1);
    const dead = sleeper();
    const pid = dead.pid as number;
    await new Promise((r) => {
      dead.once("exit", r);
      dead.kill("SIGKILL");
    });
    await lockBy(pid);
    // what a writer killed while taking the lock leaves beside it
    await writeFile(join(dir, `${LOCK_FILE}.${pid}.k1x`), "{}");
    await writeFile(join(dir, `${LOCK_FILE}.stale.${pid}.k2x`), "{}");
    expect(isStale(readLock(join(dir, LOCK_FILE)) ?? fail())).toBe(true);
    const s = await KgStore.open(dir);
    s.loadText(triple(5), "text/turtle", "http://ex/g5");
    await s.save();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect((await readdir(dir)).filter((n) => n.startsWith(LOCK_FILE))).toEqual([]);
    // a live pid whose process started after the lock was taken: the pid was reused
    child = sleeper();
    await new Promise((r) => setTimeout(r, 200));
    await lockBy(child.pid as number, "2001-01-01T00:00:00.000Z");
    expect(isStale(readLock(join(dir, LOCK_FILE)) ?? fail())).toBe(true);
    const lock = lockStoreSync(dir, 0);
    expect(lock.owner).toBe(true);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("a writer whose file was replaced since it loaded reloads it before its first change (no lost write)", async () => {
    await storeWith(1);
    const a = await KgStore.open(dir);
    const b = await KgStore.open(dir);
    b.loadText(triple(20), "text/turtle", "http://ex/b");
    await b.save();
    a.loadText(triple(30), "text/turtle", "http://ex/a");
    await a.save();
    const g = (await KgStore.open(dir)).graphs();
    expect(g).toContain("http://ex/a");
    expect(g).toContain("http://ex/b");
  });

  it("holds the lock from the first change to the save, and gives it back", async () => {
    const s = await KgStore.open(dir);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    s.loadText(triple(1), "text/turtle", "http://ex/g1");
    expect(readLock(join(dir, LOCK_FILE))?.pid).toBe(process.pid);
    await s.save();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});

function fail(): never {
  throw new Error("no lock file");
}
