/**
 * The store's index (`store.nq.index`): a cache of the file it was saved with, so that a lazy
 * open loads only what it does not list. It must never change what the store answers: a stale,
 * foreign or damaged index is a cache miss, and a damaged store file is still refused (at the
 * first use of a text it left unread), never passed on by a save.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KgError } from "../src/errors.js";
import { INDEX_SUFFIX, KgStore, STORE_FILE } from "../src/store/kg-store.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-index-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const G = (i: number) => `http://ex/graph/${i}`;
const text = (i: number, n: number) =>
  Array.from({ length: n }, (_, k) => `<http://ex/s${k}> <http://ex/p> "o${i} 數${k}" <${G(i)}> .\n`).join("");

/** A saved store of five graphs (the first two indexed) and two default-graph statements. */
async function made(name: string): Promise<{ storeDir: string; file: string }> {
  const storeDir = join(dir, name);
  const store = await KgStore.open(storeDir);
  store.loadText('<http://ex/a> <http://ex/p> "d" .\n<http://ex/b> <http://ex/p> "e" .\n', "application/n-triples");
  store.loadGraphTexts([0, 1, 2, 3, 4].map((i) => ({ graph: G(i), nquads: text(i, i + 2) })));
  await store.save({
    index: {
      graphs: new Map([
        [G(0), { fp: "zero" }],
        [G(3), { fp: "three" }],
      ]),
      data: Buffer.from("tally"),
    },
  });
  return { storeDir, file: join(storeDir, STORE_FILE) };
}

const count = (store: KgStore) => {
  const r = store.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }", {
    defaultGraphAsUnion: false,
  });
  return r.kind === "bindings" ? Number(r.rows[0]?.get("n")?.value) : -1;
};

describe("the store's index", () => {
  it("a lazy open loads what the index does not list, and the listed graphs when they are read", async () => {
    const { storeDir } = await made("lazy");
    const store = await KgStore.open(storeDir, { lazy: true });
    expect(store.index?.graphs).toEqual(
      new Map([
        [G(0), { fp: "zero" }],
        [G(3), { fp: "three" }],
      ]),
    );
    expect(Buffer.from(store.index?.data ?? []).toString()).toBe("tally");
    expect(store.deferredGraphs()).toEqual(new Set([G(0), G(3)]));
    expect(store.size).toBe(2 + 2 + 3 + 4 + 5 + 6);
    expect(store.graphs()).toEqual([0, 1, 2, 3, 4].map(G));
    expect(store.deferredText(G(3))?.toString()).toBe(text(3, 5));
    expect(store.deferredText(G(1))).toBeUndefined(); // loaded, not text
    expect(count(store)).toBe(22); // a read loads them
    expect(store.deferredGraphs().size).toBe(0);
  });

  it("an unchanged graph is copied from the file by a save, and a plain save removes the index", async () => {
    const { storeDir, file } = await made("copy");
    const plain = await KgStore.open(storeDir);
    plain.dropGraph(G(9)); // a change: saved the usual way (the first save finished the spool)
    await plain.save({ index: { graphs: new Map([[G(4), 4]]), data: new Uint8Array() } });
    const before = readFileSync(file, "utf8");
    const store = await KgStore.open(storeDir, { lazy: true });
    store.dropGraph(G(4));
    store.loadGraphTexts([{ graph: G(4), nquads: text(4, 6) }]); // the same statements again
    await store.save();
    // the default graph is written by the engine, in its order; the sections are copied
    const sections = (t: string) => t.slice(t.indexOf("# article-kg graph"), t.indexOf("# article-kg end"));
    expect(sections(readFileSync(file, "utf8"))).toBe(sections(before));
    expect(() => readFileSync(`${file}${INDEX_SUFFIX}`)).toThrow();
    const again = await KgStore.open(storeDir, { lazy: true });
    expect(again.index).toBeUndefined();
    expect(again.deferredGraphs().size).toBe(0);
    expect(count(again)).toBe(22);
  });

  it("keeps blank nodes shared by the graphs it loads, and lists no graph with a blank node", async () => {
    const storeDir = join(dir, "blank");
    const file = join(storeDir, STORE_FILE);
    const store = await KgStore.open(storeDir);
    store.loadText(
      `<http://ex/b> <http://ex/p> _:x .\n_:x <http://ex/q> "y" <${G(1)}> .\n${text(0, 2)}${text(2, 1)}`,
      "application/n-quads",
    );
    const index = (graphs: number[]) => ({ graphs: new Map(graphs.map((i) => [G(i), i])), data: new Uint8Array() });
    await store.save({ index: index([1, 2]) });
    expect(() => readFileSync(`${file}${INDEX_SUFFIX}`)).toThrow(); // G(1) has a blank node
    const again = await KgStore.open(storeDir);
    again.dropGraph(G(9));
    await again.save({ index: index([0, 2]) });
    const lazy = await KgStore.open(storeDir, { lazy: true });
    expect(lazy.deferredGraphs()).toEqual(new Set([G(0), G(2)]));
    // a `_:` inside a literal is no blank node: such a graph may be listed, and is checked as any
    lazy.loadGraphTexts(
      [{ graph: G(5), nquads: `<http://ex/s> <http://ex/p> "a _:b" <${G(5)}> .\n`, quads: 1, blankFree: true }],
      {
        defer: true,
      },
    );
    expect(lazy.deferredGraphs()).toEqual(new Set([G(0), G(2), G(5)]));
    await lazy.save({ index: index([0, 2, 5]) });
    const listed = await KgStore.open(storeDir, { lazy: true });
    expect(listed.deferredGraphs()).toEqual(new Set([G(0), G(2), G(5)]));
    expect(count(listed)).toBe(6);
    await (await KgStore.open(storeDir, { lazy: true })).save({ index: index([0, 2, 5]) }); // checks the file
    const r = listed.query("SELECT ?v WHERE { <http://ex/b> <http://ex/p> ?x . ?x <http://ex/q> ?v }");
    expect(r.kind === "bindings" && r.rows.map((row) => row.get("v")?.value)).toEqual(["y"]);
  });

  it("an index of another file, or a damaged one, is not used", async () => {
    const { storeDir, file } = await made("stale");
    const index = readFileSync(`${file}${INDEX_SUFFIX}`);
    const store = await KgStore.open(storeDir);
    store.update('INSERT DATA { <http://ex/c> <http://ex/p> "new" }');
    await store.save();
    writeFileSync(`${file}${INDEX_SUFFIX}`, index); // the index of the file before
    const stale = await KgStore.open(storeDir, { lazy: true });
    expect(stale.index).toBeUndefined();
    expect(count(stale)).toBe(23);
    for (const damaged of ["", "{", `${index.toString().slice(0, 40)}\n`, index.toString().replace('"zero"', "")]) {
      writeFileSync(`${file}${INDEX_SUFFIX}`, damaged);
      const s = await KgStore.open(storeDir, { lazy: true });
      expect(s.index).toBeUndefined();
      expect(count(s)).toBe(23);
    }
  });

  it("a store file damaged in a graph the index left unread is refused when that text is used", async () => {
    const { storeDir, file } = await made("damaged");
    copyFileSync(file, `${file}.good`);
    const bytes = readFileSync(file);
    const at = bytes.indexOf("o3 數");
    bytes.write("o8", at, "utf8"); // same length, same quads: only the checksum tells
    writeFileSync(file, bytes);
    const refused = async (use: (s: KgStore) => unknown) => {
      const store = await KgStore.open(storeDir, { lazy: true });
      expect(store.index).toBeDefined();
      let error: unknown;
      try {
        await use(store);
      } catch (e) {
        error = e;
      } finally {
        store.close();
      }
      expect(error).toBeInstanceOf(KgError);
      expect((error as KgError).code).toBe("E_STORE_CORRUPT");
    };
    await refused((s) => count(s));
    await refused(async (s) => {
      // a text is read unchecked, but nothing made of it outlives the save that checks the file
      expect(s.deferredText(G(3))?.toString()).toContain("o8 數");
      for (const i of [0, 1, 2, 3, 4]) s.dropGraph(G(i));
      await s.save();
    });
    await refused(async (s) => {
      s.dropGraph(G(1));
      await s.save();
    });
    expect(readFileSync(file)).toEqual(bytes); // left untouched
    // a refused save of spooled texts still gives the lock and the spool back
    const store = await KgStore.open(storeDir, { lazy: true });
    store.loadGraphTexts([{ graph: G(7), nquads: text(7, 3), quads: 3 }], { defer: true });
    await expect(store.save()).rejects.toMatchObject({ code: "E_STORE_CORRUPT" });
    expect(readdirSync(storeDir).sort()).toEqual(
      [STORE_FILE, `${STORE_FILE}.good`, `${STORE_FILE}${INDEX_SUFFIX}`].sort(),
    );
  });

  it("a writer whose file another writer replaced since its lazy open reloads it, without the index", async () => {
    const { storeDir } = await made("writers");
    const first = await KgStore.open(storeDir, { lazy: true });
    const second = await KgStore.open(storeDir);
    second.dropGraph(G(3));
    await second.save();
    expect(first.index).toBeDefined();
    first.dropGraph(G(0));
    expect(first.index).toBeUndefined();
    expect(first.graphs()).toEqual([1, 2, 4].map(G));
    await first.save();
    const after = await KgStore.open(storeDir, { lazy: true });
    expect(count(after)).toBe(2 + 3 + 4 + 6);
  });
});
