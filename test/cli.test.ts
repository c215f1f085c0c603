import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "..", "bin", "article-kg.js");
const ARTICLES = join(import.meta.dirname, "fixtures", "articles");

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, CI: "1" }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dir: string;
let store: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-cli-"));
  store = join(dir, "store");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("article-kg CLI", () => {
  it("prints usage and per-command help", async () => {
    const top = await run("--help");
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Commands:[\s\S]*build[\s\S]*validate/u);
    const help = await run("query", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: article-kg query");
  });

  it("rejects unknown commands and options with exit 2", async () => {
    const unknown = await run("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const option = await run("export", "--no-such-option");
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("--no-such-option");
    const badPort = await run("serve", "--port", "x");
    expect(badPort.code).toBe(2);
  });

  it("extracts one article as self-contained Turtle", async () => {
    const r = await run("extract", join(ARTICLES, "qingshan-county.txt"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("@prefix qb: <http://purl.org/linked-data/cube#>.");
    expect(r.stdout).toContain('dcterms:title "青山县脱贫攻坚工作取得决定性成效"');
    expect(r.stdout).toContain('schema:datePublished "2020-11-18"^^xsd:date');
    expect(r.stdout).toContain("qb:DataSet");
  });

  it("names a missing file and exits 1 without a stack", async () => {
    const r = await run("extract", join(dir, "missing.txt"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("missing.txt: cannot read it (ENOENT)");
    expect(r.stderr).not.toMatch(/\n\s+at /u);
  });

  it("builds idempotently: the same quad count on a second build", async () => {
    const first = await run("build", ARTICLES, "--store", store);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Built 2 articles: \d+ observations, \d+ quads written \(store: (\d+) quads\)/u);
    const size = /store: (\d+) quads/u.exec(first.stdout)?.[1];
    const second = await run("build", ARTICLES, "--store", store);
    expect(second.code).toBe(0);
    expect(/store: (\d+) quads/u.exec(second.stdout)?.[1]).toBe(size);
  });

  it("with --strict, keeps the saved store when an input file is bad", async () => {
    const before = await readFile(join(store, "store.nq"), "utf8");
    const bad = join(dir, "bad");
    await rm(bad, { recursive: true, force: true });
    const { mkdir } = await import("node:fs/promises");
    await mkdir(bad);
    await writeFile(join(bad, "a-empty.txt"), "\n\n");
    const r = await run("build", bad, ARTICLES, "--store", store, "--strict");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("a-empty.txt: the file is empty.");
    expect(await readFile(join(store, "store.nq"), "utf8")).toBe(before);
  });

  it("rebuilds the reference graph: places an article no longer names are gone", async () => {
    const own = join(dir, "rebuild");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(own, { recursive: true });
    const file = join(own, "report.txt");
    const placeQuery = 'ASK { GRAPH <https://w3id.org/article-kg/graph/reference> { ?p skos:notation "610727" } }';
    await writeFile(file, "略阳县脱贫成效\n略阳县累计脱贫1.2万人。");
    expect((await run("build", own, "--store", join(own, "store"))).code).toBe(0);
    expect((await run("query", placeQuery, "--store", join(own, "store"))).stdout).toContain("true");
    await writeFile(file, "定西市脱贫成效\n定西市累计脱贫3.4万人。");
    expect((await run("build", own, "--store", join(own, "store"))).code).toBe(0);
    expect((await run("query", placeQuery, "--store", join(own, "store"))).stdout).toContain("false");
  });

  it("answers queries in every format", async () => {
    const q = "SELECT ?id WHERE { ?a a kg:Article ; dcterms:identifier ?id } ORDER BY ?id";
    const table = await run("query", q, "--store", store);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("hexi-town");
    expect(table.stdout).toContain("(2 rows)");
    const csv = await run("query", q, "--store", store, "--format", "csv");
    expect(csv.stdout).toBe("id\r\nhexi-town\r\nqingshan-county\r\n");
    const json = await run("query", q, "--store", store, "--format", "json");
    expect(JSON.parse(json.stdout).head.vars).toEqual(["id"]);
    const rq = join(dir, "ask.rq");
    await writeFile(rq, "ASK { ?a a schema:NewsArticle }");
    const ask = await run("query", rq, "--store", store);
    expect(ask.stdout).toBe("true\n");
    const construct = await run("query", "CONSTRUCT WHERE { ?a a kg:Article }", "--store", store);
    expect(construct.stdout).toContain("a kg:Article");
  });

  it("reports a SPARQL syntax error with line and column, exit 2", async () => {
    const r = await run("query", "SELECT ?s WHERE {\n  ?s ?p }", "--store", store);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2, column 9: /u);
  });

  it("says when there is no store to query", async () => {
    const r = await run("query", "ASK {}", "--store", join(dir, "nowhere"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no store in");
  });

  it("exports to a file atomically", async () => {
    const file = join(dir, "out", "graph.nq");
    const r = await run("export", "--store", store, "--format", "nquads", "-o", file);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    const text = await readFile(file, "utf8");
    expect(text).toContain("<https://w3id.org/article-kg/graph/article/hexi-town> .");
  });
});
