/** The build layer (src/build): its stages one by one, and a whole build with bad files, as the CLI and the server use it. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleGraph, articleGraphs } from "../src/build/article-graph.js";
import { buildStore } from "../src/build/build.js";
import { loadSaved, openBuilt } from "../src/build/open.js";
import { removeArticle } from "../src/build/remove.js";
import { articleFileList, readArticles, readOneArticle } from "../src/build/sources.js";
import { storeStats } from "../src/build/stats.js";
import { writeArticleGraphs } from "../src/build/write.js";
import { KgError } from "../src/errors.js";
import { iris as makeIris } from "../src/rdf/iri.js";
import { KgStore, STORE_FILE } from "../src/store/index.js";

const SAMPLES = new URL("../data/samples/", import.meta.url).pathname;
const ir = makeIris();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "build-layer-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the stages", () => {
  it("turns one article into its named graph, text included unless asked not to", async () => {
    const article = await readOneArticle(join(SAMPLES, "dingxi-2021.txt"));
    const g = articleGraph(article, ir);
    expect(g.graph).toBe(ir.articleGraph("dingxi-2021"));
    expect(g.article).toBe(ir.article("dingxi-2021"));
    expect(g.observations).toBe(g.extraction.observations.length);
    expect(g.quads.every((q) => q.graph.value === g.graph)).toBe(true);
    const withoutText = articleGraph(article, ir, { text: false });
    expect(withoutText.quads.length).toBeLessThan(g.quads.length);
    expect(g.quads.some((q) => q.predicate.value === "https://schema.org/text")).toBe(true);
    expect(withoutText.quads.some((q) => q.predicate.value === "https://schema.org/text")).toBe(false);
  });

  it("streams files → articles → graphs → store, one at a time, each graph replaced", async () => {
    const files = await articleFileList([SAMPLES]);
    expect(files.map((f) => f.slice(SAMPLES.length))).toEqual(["dingxi-2021.txt", "huayuan-2020.txt"]);
    const store = KgStore.memory();
    const seen: string[] = [];
    const first = await writeArticleGraphs(store, articleGraphs(readArticles(files), ir), (g) => seen.push(g.graph));
    expect(first.articles).toBe(2);
    expect(seen).toEqual(first.records.map((r) => r.graph));
    expect(first.quads).toBe(store.size);
    const again = await writeArticleGraphs(store, articleGraphs(readArticles(files), ir));
    expect(store.size).toBe(first.quads);
    expect(again.observations).toBe(first.observations);
  });

  it("names a path that is not there", async () => {
    await expect(articleFileList([join(dir, "nothing")])).rejects.toMatchObject({ code: "E_INPUT_NOT_FOUND" });
  });
});

describe("a whole build", () => {
  it("stores the good articles, hands the bad files over, saves, and can be removed from again", async () => {
    const input = join(dir, "in");
    mkdirSync(input);
    for (const name of ["dingxi-2021.txt", "huayuan-2020.txt"]) copyFileSync(join(SAMPLES, name), join(input, name));
    writeFileSync(join(input, "empty.txt"), "");
    const storeDir = join(dir, "store");
    const bad: string[] = [];
    let done = 0;
    let written = false;
    const result = await buildStore(await KgStore.open(storeDir), await articleFileList([input]), {
      iris: ir,
      onBadFile: (e, file) => bad.push(`${e.code} ${file.slice(input.length + 1)}`),
      onArticle: () => done++,
      onArticlesWritten: () => {
        written = true;
      },
    });
    expect(bad).toEqual(["E_INPUT_EMPTY empty.txt"]);
    expect([result.articles, done, written]).toEqual([2, 2, true]);
    expect(existsSync(join(storeDir, STORE_FILE))).toBe(true);
    const saved = await loadSaved(storeDir);
    expect(saved.size).toBe(result.quads);
    const graphs = saved.graphs();
    for (const g of [ir.referenceGraph, `${ir.base}graph/description`, `${ir.base}graph/provenance`])
      expect(graphs).toContain(g);
    expect((await storeStats(saved, ir)).articles).toBe(2);

    const removed = await removeArticle(await openBuilt(storeDir), "dingxi-2021", { iris: ir, name: storeDir });
    expect(removed.graph).toBe(ir.articleGraph("dingxi-2021"));
    expect((await loadSaved(storeDir)).size).toBe(result.quads - removed.quads);
  });

  it("without a bad-file handler, stops at the first bad file; with no article read, leaves the store as it was", async () => {
    const input = join(dir, "bad");
    mkdirSync(input);
    writeFileSync(join(input, "empty.txt"), "");
    const storeDir = join(dir, "untouched");
    const files = await articleFileList([input]);
    await expect(buildStore(await KgStore.open(storeDir), files, { iris: ir })).rejects.toMatchObject({
      code: "E_INPUT_EMPTY",
    });
    const skipped = buildStore(await KgStore.open(storeDir), files, { iris: ir, onBadFile: () => {} });
    await expect(skipped).rejects.toBeInstanceOf(KgError);
    await expect(skipped).rejects.toMatchObject({ code: "E_INPUT_NOT_FOUND" });
    expect(existsSync(join(storeDir, STORE_FILE))).toBe(false);
  });
});
