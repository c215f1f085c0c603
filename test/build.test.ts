/**
 * The compiled package: `scripts/build-dist.mjs` (npm run build / prepare) emits JS that runs
 * without tsx and gives the same graph as the sources; bin/ falls back to the sources when a
 * source file is newer than the build. Built into a temporary copy, never into the worktree's
 * dist/ (other test files run bin/ meanwhile).
 */
import { execFile, execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const SAMPLE = join(ROOT, "data", "samples", "dingxi-2021.txt");
let dir: string;

function run(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "article-kg-build-"));
  mkdirSync(join(dir, "bin"));
  copyFileSync(join(ROOT, "bin", "article-kg.js"), join(dir, "bin", "article-kg.js"));
  copyFileSync(join(ROOT, "package.json"), join(dir, "package.json"));
  for (const d of ["data", "ontology", "queries", "node_modules"]) symlinkSync(join(ROOT, d), join(dir, d));
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-dist.mjs"), join(dir, "dist")], { stdio: "pipe" });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("compiled package", () => {
  it("emits the CLI and the files that are not TypeScript", () => {
    for (const f of [
      "cli/main.js",
      "serve/worker.js",
      "serve/worker-boot.mjs",
      "build/extract-worker.js",
      "build/worker-boot.mjs",
      "serve/web/index.html",
      "prepared/gazetteer.json",
      "prepared/t2s-needed.json",
      "prepared/t2s-tries.json",
      "BUILD",
    ])
      expect(existsSync(join(dir, "dist", f)), f).toBe(true);
    expect(existsSync(join(dir, "dist", "cli", "main.ts"))).toBe(false);
  });

  it("bundles the extract command: of dist/ it imports only the modules main.js shares with it", () => {
    const code = readFileSync(join(dir, "dist", "cli", "commands", "extract.js"), "utf8");
    const relative = new Set([...code.matchAll(/^import .* from "(\.[^"]*)";$/gmu)].map((m) => m[1]));
    expect([...relative].sort()).toEqual(["./../../errors.js", "./../io.js"]);
  });

  it("runs without the sources and prints the same graph as they do", async () => {
    const bin = join(dir, "bin", "article-kg.js");
    const help = await run(bin, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: article-kg COMMAND");
    const args = ["extract", SAMPLE, "--published", "2021-03-02", "--format", "nquads"];
    const [compiled, source] = await Promise.all([
      run(bin, args),
      run(join(ROOT, "bin", "article-kg.js"), args, { ...process.env, ARTICLE_KG_SOURCE: "1" }),
    ]);
    expect(compiled.stderr).toBe("");
    expect(compiled.code).toBe(0);
    expect(compiled.stdout.split("\n").length).toBeGreaterThan(500);
    expect(compiled.stdout).toBe(source.stdout);
  });

  it("falls back to the sources when a source file is newer than the build", async () => {
    symlinkSync(join(ROOT, "src"), join(dir, "src"));
    utimesSync(join(dir, "dist", "BUILD"), new Date(0), new Date(0));
    rmSync(join(dir, "dist", "cli", "main.js")); // were it used, the command would fail
    const r = await run(join(dir, "bin", "article-kg.js"), ["--version"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("article-kg 0.1.0\n");
  });
});

describe("reproducible builds", () => {
  it("SOURCE_DATE_EPOCH makes two builds of the same input byte-identical; a bad value is one line, exit 2", async () => {
    const bin = join(ROOT, "bin", "article-kg.js");
    const env = { ...process.env, SOURCE_DATE_EPOCH: "1767225600" };
    const stores = [join(dir, "repro-1"), join(dir, "repro-2")];
    for (const store of stores) expect((await run(bin, ["build", SAMPLE, "--store", store], env)).code).toBe(0);
    const [a, b] = stores.map((s) => readFileSync(join(s, "store.nq")));
    expect(a?.equals(b as Buffer)).toBe(true);
    const bad = await run(bin, ["build", SAMPLE, "--store", join(dir, "repro-3")], {
      ...env,
      SOURCE_DATE_EPOCH: "yesterday",
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("SOURCE_DATE_EPOCH");
    expect(bad.stderr).not.toMatch(/\n\s+at /u);
  }, 120_000);
});
