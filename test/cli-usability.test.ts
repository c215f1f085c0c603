/**
 * What a new user runs: `build --summary` says what it left out (or shows all with --all),
 * `extract --format table|csv|json` gives tidy facts, `stats` counts the store and `remove`
 * drops one article atomically.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kg } from "./helpers/cli.js";

const SAMPLES = "data/samples";
const ARTICLE = "test/fixtures/articles/qingshan-county.txt";
let dir: string;
let store: string;

/** RFC 4180 CSV into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-usability-"));
  store = join(dir, "store");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("build --summary", () => {
  it("says how many rows it left out, and --all shows them all", async () => {
    const short = await kg("build", SAMPLES, "--store", store, "--summary");
    expect(short.code).toBe(0);
    const m = /\((\d+) of (\d+) rows shown\)\n… (\d+) more rows left out: add --all/u.exec(short.stdout);
    expect(m, short.stdout).not.toBeNull();
    const [shown, total, left] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
    expect(shown + left).toBe(total);
    const all = await kg("build", SAMPLES, "--store", store, "--summary", "--all");
    expect(all.stdout).toContain(`(${total} rows)`);
    expect(all.stdout).not.toContain("left out");
    const tableLines = all.stdout.split("\n").filter((l) => l.includes("│"));
    expect(tableLines).toHaveLength(total + 1); // header + rows
    expect(all.stdout).not.toMatch(/\d{5,}/u); // values grouped by thousands
  });
  it("--all alone is a usage error", async () => {
    const r = await kg("build", SAMPLES, "--store", join(dir, "other"), "--all");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^article-kg: --all goes with --summary/u);
  });
});

describe("extract --format table|csv|json", () => {
  it("CSV: one row per observation, quotes equal the text between their offsets", async () => {
    const [csv, json, ttl, table] = await Promise.all(
      ["csv", "json", "turtle", "table"].map((f) => kg("extract", ARTICLE, "--format", f)),
    );
    const rows = parseCsv(csv?.stdout ?? "");
    const header = rows[0] ?? [];
    expect(header).toEqual([
      "article",
      "index",
      "place_code",
      "place_name",
      "indicator",
      "period_start",
      "period_end",
      "value",
      "unit",
      "kind",
      "approximation",
      "quote",
      "start",
      "end",
    ]);
    const facts = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
    const observations = new Parser()
      .parse(ttl?.stdout ?? "")
      .filter((q) => q.predicate.value.endsWith("#type") && q.object.value.endsWith("cube#Observation"));
    expect(facts.length).toBe(observations.length);
    expect(facts.length).toBeGreaterThan(3);
    const text = [...readFileSync(ARTICLE, "utf8").replace(/^\uFEFF/u, "")];
    for (const f of facts) {
      expect(text.slice(Number(f.start), Number(f.end)).join("")).toBe(f.quote);
      expect(f.value).toMatch(/^\d+(\.\d+)?$/u);
    }
    const objects = JSON.parse(json?.stdout ?? "") as Record<string, unknown>[];
    expect(objects.map((o) => String(o.quote))).toEqual(facts.map((f) => f.quote));
    expect(objects[0]?.start).toBe(Number(facts[0]?.start));
    expect(table?.stdout).toContain(`(${facts.length} rows)`);
  });
  it("an unknown format names the choices", async () => {
    const r = await kg("extract", ARTICLE, "--format", "xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(/--format must be one of .*table, csv, json/u);
  });
});

describe("stats and remove", () => {
  it("stats counts articles, facts, places, indicators, periods, graphs and quads", async () => {
    await kg("build", SAMPLES, "--store", store);
    const r = await kg("stats", "--store", store, "--format", "json");
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout) as Record<string, number>;
    expect(Object.keys(stats)).toEqual(["articles", "facts", "places", "indicators", "periods", "graphs", "quads"]);
    expect(stats.articles).toBe(2);
    const nq = (await readFile(join(store, "store.nq"), "utf8")) // quads: the lines that are not blank and not the file's header and end lines (# comments)
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.startsWith("#"));
    expect(stats.quads).toBe(nq.length);
    const facts = await Promise.all(
      ["dingxi-2021.txt", "huayuan-2020.txt"].map(async (f) => {
        const out = await kg("extract", join(SAMPLES, f), "--format", "json");
        return (JSON.parse(out.stdout) as unknown[]).length;
      }),
    );
    expect(stats.facts).toBe(facts.reduce((a, b) => a + b, 0));
    const table = await kg("stats", "--store", store);
    expect(table.stdout).toMatch(/^articles\s+2$/mu);
    expect(table.stdout).toMatch(new RegExp(`^quads\\s+${stats.quads?.toLocaleString("en-US")}$`, "mu"));
  });
  it("remove drops one article's graph and saves; an unknown article is one clear error, store untouched", async () => {
    const store = join(dir, "remove-store");
    const built = await kg("build", SAMPLES, "--store", store);
    expect(built.code, built.stderr).toBe(0);
    const before = JSON.parse((await kg("stats", "--store", store, "--format", "json")).stdout) as Record<
      string,
      number
    >;
    const removed = await kg("remove", "dingxi-2021", "--store", store);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(
      /^Removed https:\/\/w3id\.org\/article-kg\/graph\/article\/dingxi-2021 \(\d+ quads\)/u,
    );
    const after = JSON.parse((await kg("stats", "--store", store, "--format", "json")).stdout) as Record<
      string,
      number
    >;
    expect(after.articles).toBe(1);
    expect(after.graphs).toBe((before.graphs ?? 0) - 1);
    expect(after.facts).toBeLessThan(before.facts ?? 0);
    const saved = await readFile(join(store, "store.nq"), "utf8");
    expect(saved).not.toContain("<https://w3id.org/article-kg/graph/article/dingxi-2021> .\n"); // no quad in that graph
    expect(saved).toContain("<https://w3id.org/article-kg/graph/article/huayuan-2020> .\n");
    const again = await kg("remove", "data/samples/dingxi-2021.txt", "--store", store);
    expect(again.code, again.stderr).toBe(1);
    expect(again.stderr).toBe(
      `article-kg: article "data/samples/dingxi-2021.txt" is not in the store ${store}; its articles: huayuan-2020.\n`,
    );
    expect(await readFile(join(store, "store.nq"), "utf8")).toBe(saved);
  });
});
