/**
 * The parallel and incremental build (src/build/build.ts, workers.ts): worker threads give the
 * same store as one thread, byte for byte; an unchanged article is skipped, a changed one alone
 * is replaced, a removed one is dropped only with prune. Articles of our own, written here.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildOptions, buildStore } from "../src/build/build.js";
import { articleFileList } from "../src/build/sources.js";
import { mapInOrder } from "../src/build/workers.js";
import { iris as makeIris } from "../src/rdf/iri.js";
import { INDEX_SUFFIX, KgStore, STORE_FILE } from "../src/store/index.js";

const ir = makeIris();
/** A fixed clock, so two builds can be compared byte for byte (provenance and description times). */
const now = () => new Date("2026-01-02T03:04:05.000Z");

/** Small reports of our own: place, year, a few figures. */
const ARTICLES: Readonly<Record<string, string>> = {
  "lueyang-2019":
    "略阳县脱贫攻坚成效显著\n2019年12月30日\n2019年，略阳县累计脱贫1.2万人，贫困发生率降至0.8%。全县完成易地扶贫搬迁3200户。",
  "dingxi-2020":
    "定西市脱贫攻坚工作总结\n2020年11月5日\n2020年，定西市减少农村贫困人口5.6万人，农村居民人均可支配收入达到9800元。",
  "huayuan-2018":
    "花垣县扶贫工作情况\n2018年12月20日\n2018年，花垣县实现2.3万人脱贫，18个贫困村出列，投入扶贫资金4.5亿元。",
  "yanchi-2017": "盐池县脱贫摘帽\n2017年10月9日\n2017年，盐池县贫困发生率下降到0.66%，全县农民人均可支配收入增长9.6%。",
  "zhenan-2021": "镇安县巩固脱贫成果\n2021年6月1日\n2021年，镇安县新修农村公路120公里，帮助1.1万名脱贫劳动力稳定就业。",
  "lankao-2016": "兰考县脱贫攻坚报告\n2016年12月28日\n2016年，兰考县减少贫困人口1.8万人，完成危房改造2100户。",
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "build-parallel-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeArticles(folder: string, names: readonly string[] = Object.keys(ARTICLES)): void {
  mkdirSync(folder, { recursive: true });
  for (const name of names) writeFileSync(join(folder, `${name}.txt`), ARTICLES[name] as string);
}

async function build(input: string, storeDir: string, options: Partial<BuildOptions> = {}) {
  return buildStore(await KgStore.open(storeDir), await articleFileList([input]), { iris: ir, now, ...options });
}

/** The saved store as sorted N-Quads lines. */
const sortedStore = (storeDir: string) => readFileSync(join(storeDir, STORE_FILE), "utf8").split("\n").sort();

describe("a parallel build", () => {
  it("writes the same store with two worker threads as with one thread, byte for byte", async () => {
    const input = join(dir, "same");
    writeArticles(input);
    const one = await build(input, join(dir, "one"), { jobs: 1 });
    const two = await build(input, join(dir, "two"), { jobs: 2 });
    expect([one.jobs, two.jobs]).toEqual([1, 2]);
    expect(two.articles).toBe(Object.keys(ARTICLES).length);
    expect(two.observations).toBeGreaterThan(0);
    expect(two.observations).toBe(one.observations);
    expect(two.records.map((r) => r.graph)).toEqual(one.records.map((r) => r.graph));
    expect(sortedStore(join(dir, "two"))).toEqual(sortedStore(join(dir, "one")));
  }, 120_000);

  it("reports bad files from the workers in input order, and stops at the first without a handler", async () => {
    const input = join(dir, "bad");
    writeArticles(input, ["dingxi-2020", "lueyang-2019"]);
    writeFileSync(join(input, "a-empty.txt"), "\n\n");
    const bad: string[] = [];
    const done: string[] = [];
    const r = await build(input, join(dir, "bad-store"), {
      jobs: 2,
      onBadFile: (e, file) => bad.push(`${e.code} ${file.slice(input.length + 1)}`),
      onArticle: (a) => done.push(`${a.status} ${a.file.slice(input.length + 1)}`),
    });
    expect(bad).toEqual(["E_INPUT_EMPTY a-empty.txt"]);
    expect(done).toEqual(["bad a-empty.txt", "added dingxi-2020.txt", "added lueyang-2019.txt"]);
    expect([r.added, r.bad]).toEqual([2, 1]);
    await expect(build(input, join(dir, "bad-strict"), { jobs: 2 })).rejects.toMatchObject({ code: "E_INPUT_EMPTY" });
  }, 120_000);
});

describe("an incremental build", () => {
  it("skips unchanged articles, replaces only the changed one, drops a removed one only with prune", async () => {
    const input = join(dir, "incr");
    const storeDir = join(dir, "incr-store");
    writeArticles(input, ["lueyang-2019", "dingxi-2020", "huayuan-2018"]);
    const first = await build(input, storeDir, { incremental: true });
    expect([first.added, first.changed, first.unchanged, first.removed]).toEqual([3, 0, 0, 0]);
    const before = await KgStore.open(storeDir);

    // Nothing changed: nothing extracted, the store left as it was.
    const saved = readFileSync(join(storeDir, STORE_FILE), "utf8");
    const again = await build(input, storeDir, { incremental: true });
    expect([again.added, again.changed, again.unchanged, again.removed]).toEqual([0, 0, 3, 0]);
    expect(readFileSync(join(storeDir, STORE_FILE), "utf8")).toBe(saved);

    // One article changed: only its graph changes.
    writeFileSync(join(input, "dingxi-2020.txt"), ARTICLES["dingxi-2020"]?.replace("5.6万人", "6.1万人") as string);
    const changed = await build(input, storeDir, { incremental: true, jobs: 2 });
    expect([changed.added, changed.changed, changed.unchanged, changed.removed]).toEqual([0, 1, 2, 0]);
    expect(changed.records.map((r) => r.graph)).toEqual([ir.articleGraph("dingxi-2020")]);
    const after = await KgStore.open(storeDir);
    for (const id of ["lueyang-2019", "huayuan-2018"])
      expect(sorted(after.quadsOf(ir.articleGraph(id)))).toEqual(sorted(before.quadsOf(ir.articleGraph(id))));
    const dingxi = sorted(after.quadsOf(ir.articleGraph("dingxi-2020")));
    expect(dingxi).not.toEqual(sorted(before.quadsOf(ir.articleGraph("dingxi-2020"))));
    expect(dingxi.some((q) => q.endsWith(" 61000"))).toBe(true);
    expect(dingxi.some((q) => q.endsWith(" 56000"))).toBe(false);

    // A removed file: kept without prune, dropped with it.
    rmSync(join(input, "huayuan-2018.txt"));
    const kept = await build(input, storeDir, { incremental: true });
    expect([kept.unchanged, kept.removed]).toEqual([2, 0]);
    expect((await KgStore.open(storeDir)).graphs()).toContain(ir.articleGraph("huayuan-2018"));
    const pruned = await build(input, storeDir, { incremental: true, prune: true });
    expect([pruned.unchanged, pruned.removed]).toEqual([2, 1]);
    const last = await KgStore.open(storeDir);
    expect(last.graphs()).not.toContain(ir.articleGraph("huayuan-2018"));
    const prov = last.query(
      `ASK { GRAPH ?p { <${ir.articleGraph("huayuan-2018")}> ?x ?y } FILTER(?p = <${ir.base}graph/provenance>) }`,
    );
    expect(prov).toEqual({ kind: "boolean", value: false });
  }, 180_000);

  it("keeps the reference graph what a full build of the same files gives, after a change and a prune", async () => {
    const input = join(dir, "ref");
    const storeDir = join(dir, "ref-store");
    writeArticles(input, ["lueyang-2019", "dingxi-2020", "huayuan-2018"]);
    await build(input, storeDir, { incremental: true });
    const reference = async (d: string) => sorted((await KgStore.open(d)).quadsOf(ir.referenceGraph));
    const before = await reference(storeDir);
    // one article gains a place of another province, one is removed (its places go with it)
    writeFileSync(
      join(input, "dingxi-2020.txt"),
      `${ARTICLES["dingxi-2020"] as string}\n2020年底，延安市宝塔区减贫1.2万人。\n`,
    );
    rmSync(join(input, "huayuan-2018.txt"));
    const r = await build(input, storeDir, { incremental: true, prune: true });
    expect([r.changed, r.unchanged, r.removed]).toEqual([1, 1, 1]);
    const after = await reference(storeDir);
    await build(input, join(dir, "ref-full"), { incremental: false });
    expect(after).toEqual(await reference(join(dir, "ref-full")));
    expect(after).not.toEqual(before);
    expect(before.some((q) => q.startsWith(`${ir.place("433124")} `))).toBe(true);
    expect(after.some((q) => q.startsWith(`${ir.place("433124")} `))).toBe(false);
    expect(after.some((q) => q.startsWith(`${ir.place("610602")} `))).toBe(true);
  }, 180_000);

  it("through the store's index, writes what a build that loads the store writes, and loads no unchanged graph", async () => {
    const input = join(dir, "indexed");
    writeArticles(input, ["lueyang-2019", "dingxi-2020", "huayuan-2018", "yanchi-2017"]);
    const lazyDir = join(dir, "indexed-lazy");
    const loadDir = join(dir, "indexed-load");
    /** Builds into both stores: one opened through its index, one loaded (its index removed first). */
    const both = async (options: Partial<BuildOptions> = {}) => {
      const files = await articleFileList([input]);
      const lazy = await KgStore.open(lazyDir, { lazy: true });
      const r = await buildStore(lazy, files, { iris: ir, now, incremental: true, ...options });
      rmSync(join(loadDir, `${STORE_FILE}${INDEX_SUFFIX}`), { force: true });
      await buildStore(await KgStore.open(loadDir), files, { iris: ir, now, incremental: true, ...options });
      // the same file (the description's figures, from the index's tally there, counted by the store here)
      expect(sortedStore(lazyDir)).toEqual(sortedStore(loadDir));
      // the index names the file the build saved: the next build opens through it
      expect((await KgStore.open(lazyDir, { lazy: true })).index?.graphs.size).toBe(
        files.filter((f) => !f.endsWith("-empty.txt")).length,
      );
      return { r, lazy };
    };
    await both();
    // one changed, one added
    writeFileSync(join(input, "dingxi-2020.txt"), ARTICLES["dingxi-2020"]?.replace("5.6万人", "6.1万人") as string);
    writeArticles(input, ["zhenan-2021"]);
    const changed = await both({ jobs: 2 });
    expect([changed.r.added, changed.r.changed, changed.r.unchanged]).toEqual([1, 1, 3]);
    // every graph stayed text: the unchanged ones were never loaded, nor counted by the store
    expect(changed.lazy.deferredGraphs().size).toBe(5);
    // one removed (pruned), one gaining a place of another province
    rmSync(join(input, "huayuan-2018.txt"));
    writeFileSync(
      join(input, "yanchi-2017.txt"),
      `${ARTICLES["yanchi-2017"] as string}\n2017年底，延安市宝塔区减贫1.2万人。\n`,
    );
    const pruned = await both({ prune: true });
    expect([pruned.r.changed, pruned.r.unchanged, pruned.r.removed]).toEqual([1, 3, 1]);
    expect(pruned.lazy.deferredGraphs().size).toBe(4);
    // the same text in other bytes (a byte-order mark): not skipped unread, but found unchanged
    writeFileSync(join(input, "lueyang-2019.txt"), `\uFEFF${ARTICLES["lueyang-2019"] as string}`);
    const bom = await both();
    expect([bom.r.changed, bom.r.unchanged]).toEqual([0, 4]);
    // the same bytes read with another publication date: every graph rebuilt
    const dated = await both({ published: "2022-01-01" });
    expect([dated.r.changed, dated.r.unchanged]).toEqual([4, 0]);
    expect(dated.lazy.deferredGraphs().size).toBe(4);
  }, 180_000);

  it("indexes an article whose text holds `_:` (inside a literal, no blank node)", async () => {
    const input = join(dir, "underscore");
    writeArticles(input, ["zhenan-2021"]);
    writeFileSync(join(input, "lankao-2016.txt"), `${ARTICLES["lankao-2016"] as string}\n附注：编号_:17。\n`);
    const storeDir = join(dir, "underscore-store");
    await build(input, storeDir);
    const lazy = await KgStore.open(storeDir, { lazy: true });
    expect(lazy.index?.graphs.size).toBe(2);
    expect(lazy.deferredGraphs().size).toBe(2);
    const r = lazy.query(
      `ASK { GRAPH <${ir.articleGraph("lankao-2016")}> { ?a ?p ?t FILTER(CONTAINS(STR(?t), "_:17")) } }`,
    );
    expect(r).toEqual({ kind: "boolean", value: true });
  }, 120_000);

  it("rebuilds an unchanged article when its publication date is given otherwise", async () => {
    const input = join(dir, "dated");
    const storeDir = join(dir, "dated-store");
    writeArticles(input, ["yanchi-2017", "zhenan-2021"]);
    await build(input, storeDir, { incremental: true });
    const r = await build(input, storeDir, { incremental: true, published: "2022-01-01" });
    expect([r.changed, r.unchanged]).toEqual([2, 0]);
  }, 120_000);
});

describe("mapInOrder", () => {
  it("yields in input order with at most `window` calls in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const run = async (n: number) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, (n * 7) % 5));
      inFlight--;
      return n * 2;
    };
    const out: number[] = [];
    for await (const r of mapInOrder(
      Array.from({ length: 40 }, (_, i) => i),
      run,
      3,
    ))
      out.push(r);
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
    expect(most).toBeLessThanOrEqual(3);
  });

  it("passes an error on at its turn", async () => {
    const run = async (n: number) => {
      if (n === 2) throw new Error("two");
      return n;
    };
    const out: number[] = [];
    await expect(async () => {
      for await (const r of mapInOrder([0, 1, 2, 3], run, 4)) out.push(r);
    }).rejects.toThrow("two");
    expect(out).toEqual([0, 1]);
  });
});

function sorted(
  quads: readonly { subject: { value: string }; predicate: { value: string }; object: { value: string } }[],
) {
  return quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`).sort();
}
