/**
 * Bad files and arguments: a folder build reports each bad file on one line and stores the
 * good ones (exit 3), --strict stops at the first (exit 1, store untouched), a build with no
 * readable file leaves the store as it was; `npm run eval -- DIR` and an unknown
 * quickstatements indicator get one clear line and a non-zero exit, never a stack trace.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KgStore } from "../src/store/index.js";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "article-kg.js");
const FIXTURES = join(import.meta.dirname, "fixtures", "encodings");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function node(args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const kg = (...args: string[]) => node([BIN, ...args]);
const noStack = (r: Run) => expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/u);

async function articleGraphs(store: string): Promise<string[]> {
  const s = await KgStore.open(store);
  return s.graphs().filter((g) => g.includes("/graph/article/"));
}

describe("a folder build with bad files", () => {
  let tmp: string;
  let folder: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "kg-bad-"));
    folder = join(tmp, "articles");
    await mkdir(folder);
    await copyFile(join(FIXTURES, "yunshan-2020.txt"), join(folder, "b-good.txt"));
    await copyFile(join(FIXTURES, "yunshan-2020.html"), join(folder, "d-page.html"));
    await writeFile(join(folder, "a-empty.txt"), "");
    await writeFile(join(folder, "c-photo.txt"), PNG);
    // 200 MiB, sparse: no disk is used, and the size alone refuses it.
    await writeFile(join(folder, "e-huge.txt"), "");
    await truncate(join(folder, "e-huge.txt"), 200 * 2 ** 20);
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it("reports each bad file on one line, stores the good ones, exits 3", async () => {
    const store = join(tmp, "store-lenient");
    const r = await kg("build", folder, "--store", store);
    expect(r.code, r.stderr).toBe(3);
    noStack(r);
    const lines = r.stderr.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("article-kg: skipped "))).toEqual([
      `article-kg: skipped ${join(folder, "a-empty.txt")}: the file is empty.`,
      expect.stringContaining(`article-kg: skipped ${join(folder, "c-photo.txt")}: this is not a text file`),
      `article-kg: skipped ${join(folder, "e-huge.txt")}: 200 MiB is too large for one article (at most 32 MiB); split it into one file per article.`,
    ]);
    expect(r.stdout).toMatch(/^Built 2 articles/u);
    expect(await articleGraphs(store)).toEqual([
      expect.stringMatching(/\/graph\/article\/b-good$/u),
      expect.stringMatching(/\/graph\/article\/d-page$/u),
    ]);
  });

  it("--strict stops at the first bad file and leaves the saved store as it was", async () => {
    const store = join(tmp, "store-strict");
    await mkdir(store);
    await copyFile(join(tmp, "store-lenient", "store.nq"), join(store, "store.nq"));
    const before = await readFile(join(store, "store.nq"), "utf8");
    const r = await kg("build", folder, "--store", store, "--strict");
    expect(r.code).toBe(1);
    noStack(r);
    expect(r.stderr.trim()).toBe(`article-kg: ${join(folder, "a-empty.txt")}: the file is empty.`);
    expect(await readFile(join(store, "store.nq"), "utf8")).toBe(before);
  });

  it("a build where no file can be read changes nothing and exits 1", async () => {
    const onlyBad = join(tmp, "only-bad");
    await mkdir(onlyBad);
    await writeFile(join(onlyBad, "x.txt"), "   \n");
    await writeFile(join(onlyBad, "y.txt"), PNG);
    const store = join(tmp, "store-none");
    const r = await kg("build", onlyBad, "--store", store);
    expect(r.code).toBe(1);
    noStack(r);
    expect(r.stderr).toContain("none of the 2 files could be read as an article");
    expect(await readFile(join(store, "store.nq"), "utf8").catch(() => "absent")).toBe("absent");
  });
});

describe("arguments", () => {
  it("quickstatements: an unknown indicator is a usage error (exit 2), one line and the help hint", async () => {
    const r = await kg("quickstatements", "--indicator", "poverty-exit", "--property", "P1082");
    expect(r.code).toBe(2);
    noStack(r);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^article-kg: --indicator: unknown indicator "poverty-exit" \(did you mean poverty-exit-persons, .*\); the ids are those of data\/indicators\.json/u,
    );
    expect(lines[1]).toContain("quickstatements --help");
  });

  it("npm run eval -- DIR: a positional folder is taken, a missing one is one line, exit 1", async () => {
    const empty = await mkdtemp(join(tmpdir(), "kg-eval-"));
    try {
      const none = await node(["--import", "tsx", "src/eval/cli.ts", join(empty, "nope")]);
      expect(none.code).toBe(1);
      expect(none.stderr.trim()).toBe(`eval: no such folder: ${join(empty, "nope")}`);
      const noGold = await node(["--import", "tsx", "src/eval/cli.ts", empty]);
      expect(noGold.code).toBe(1);
      expect(noGold.stderr).toContain(`no *.gold.json files in ${empty}`);
      const two = await node(["--import", "tsx", "src/eval/cli.ts", empty, empty]);
      expect(two.code).toBe(2);
      for (const r of [none, noGold, two]) noStack(r);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("--help lists the exit codes", async () => {
    const r = await kg("--help");
    expect(r.stdout).toMatch(/Exit codes:[\s\S]*\n {2}3 {3}build: the good articles were stored/u);
  });
});
