/**
 * The store file's graph sections: a save copies the text of a graph that did not change since
 * it was loaded or saved, instead of writing the graph out of the store again. Whatever the
 * sequence of changes, the file must load back to exactly what the store held: a change that
 * a copied section missed would silently lose data.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckedReader } from "../src/store/files.js";
import { KgStore, STORE_FILE } from "../src/store/index.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-sections-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const GRAPHS = ["http://ex/graph/a", "http://ex/graph/b", "http://ex/graph/c", "http://ex/graph/d"];
const line = (s: number, o: number, g: string) => `<http://ex/s${s}> <http://ex/p> "o${o} 数" <${g}> .\n`;

/** One change to the store (graph index, and statement numbers). */
type Op =
  | { readonly kind: "texts"; readonly graphs: readonly number[]; readonly n: number; readonly defer: boolean }
  | { readonly kind: "read" }
  | { readonly kind: "drop"; readonly graph: number }
  | { readonly kind: "insert"; readonly graph: number; readonly n: number; readonly declared: boolean }
  | { readonly kind: "quads"; readonly graph: number; readonly n: number }
  | { readonly kind: "nquads"; readonly graph: number; readonly n: number }
  | { readonly kind: "default"; readonly n: number }
  | { readonly kind: "save"; readonly index: boolean }
  | { readonly kind: "reopen"; readonly lazy: boolean };

const graph = fc.integer({ min: 0, max: GRAPHS.length - 1 });
const n = fc.integer({ min: 0, max: 5 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("texts" as const),
    graphs: fc.uniqueArray(graph, { minLength: 1, maxLength: 3 }),
    n,
    defer: fc.boolean(),
  }),
  fc.constant({ kind: "read" as const }),
  fc.record({ kind: fc.constant("drop" as const), graph }),
  fc.record({ kind: fc.constant("insert" as const), graph, n, declared: fc.boolean() }),
  fc.record({ kind: fc.constant("quads" as const), graph, n }),
  fc.record({ kind: fc.constant("nquads" as const), graph, n }),
  fc.record({ kind: fc.constant("default" as const), n }),
  fc.record({ kind: fc.constant("save" as const), index: fc.boolean() }),
  fc.record({ kind: fc.constant("reopen" as const), lazy: fc.boolean() }),
);

/** An index of every named graph of a store (entries and data that say when they were made). */
function indexOf(store: KgStore, stamp: number): { graphs: Map<string, unknown>; data: Uint8Array } {
  return {
    graphs: new Map(store.graphs().map((g) => [g, { graph: g, stamp }])),
    data: Buffer.from(`data ${stamp}`),
  };
}

/** Every statement of a store as sorted lines (graph, subject, object). */
function content(store: KgStore): string[] {
  const out: string[] = [];
  for (const g of [null, ...store.graphs()])
    for (const q of store.quadsOf(g)) out.push(`${g ?? "-"} ${q.subject.value} ${q.object.value}`);
  return out.sort();
}

describe("graph sections of the store file", () => {
  it("a saved store loads back to what it held, whatever was changed, dropped, copied or saved before", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const storeDir = join(dir, `run-${run++}`);
        let store = await KgStore.open(storeDir);
        let stamp = 0;
        for (const o of ops) {
          stamp++;
          switch (o.kind) {
            case "texts": {
              // the build's way: the writer drops a graph it replaces, then loads texts in a batch
              // (deferred: kept as text until read, the spool then saved as the store file)
              for (const g of o.graphs) store.dropGraph(GRAPHS[g] as string);
              store.loadGraphTexts(
                o.graphs.map((g) => {
                  const iri = GRAPHS[g] as string;
                  let text = "";
                  for (let i = 0; i <= o.n; i++) text += line(i, stamp, iri);
                  return { graph: iri, nquads: text, quads: o.n + 1 };
                }),
                { defer: o.defer },
              );
              break;
            }
            case "read": {
              store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
              break;
            }
            case "drop":
              store.dropGraph(GRAPHS[o.graph] as string);
              break;
            case "insert": {
              const g = GRAPHS[o.graph] as string;
              store.update(
                `INSERT DATA { GRAPH <${g}> { <http://ex/s${o.n}> <http://ex/p> "i${stamp}" } }`,
                // a caller that says which graph its update changes, or one that does not
                o.declared ? { graphs: [g] } : {},
              );
              break;
            }
            case "quads": {
              const text = line(o.n, stamp, GRAPHS[o.graph] as string);
              const { Parser } = await import("n3");
              store.loadQuads(new Parser({ format: "N-Quads" }).parse(text));
              break;
            }
            case "nquads":
              store.loadText(line(o.n, stamp, GRAPHS[o.graph] as string), "application/n-quads");
              break;
            case "default":
              store.loadText(`<http://ex/d${o.n}> <http://ex/p> "d${stamp}" .\n`, "application/n-triples");
              break;
            case "save":
              await store.save(o.index ? { index: indexOf(store, stamp) } : {});
              break;
            case "reopen": {
              const index = indexOf(store, stamp);
              await store.save({ index });
              store = await KgStore.open(storeDir, { lazy: o.lazy });
              // a lazy open gives the index back, and leaves its graphs as text until used
              if (o.lazy) {
                expect(store.index?.graphs).toEqual(index.graphs);
                expect(Buffer.from(store.index?.data ?? []).toString()).toBe(`data ${stamp}`);
                expect(store.deferredGraphs()).toEqual(new Set(index.graphs.keys()));
              } else expect(store.index).toBeUndefined();
              break;
            }
          }
        }
        const held = content(store);
        await store.save();
        const again = await KgStore.open(storeDir);
        expect(content(again)).toEqual(held);
        await again.save({ index: indexOf(again, 0) });
        const lazy = await KgStore.open(storeDir, { lazy: true });
        expect(lazy.size).toBe(again.size);
        expect(content(lazy)).toEqual(held);
        // every named graph has its section, so the next save can copy it
        const text = readFileSync(join(storeDir, STORE_FILE), "utf8");
        for (const g of again.graphs()) expect(text).toContain(`\n# article-kg graph <${g}> bytes=`);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("copies an unchanged graph's section byte for byte, and writes a changed one anew", async () => {
    const storeDir = join(dir, "copy");
    const store = await KgStore.open(storeDir);
    // a text the store would write differently (its own writer lower-cases the language tag)
    const kept = '<http://ex/s> <http://ex/p> "文"@zh-Hans <http://ex/graph/kept> .\n';
    const changed = '<http://ex/s> <http://ex/p> "x"@zh-Hans <http://ex/graph/changed> .\n';
    store.loadGraphTexts([
      { graph: "http://ex/graph/kept", nquads: kept },
      { graph: "http://ex/graph/changed", nquads: changed },
    ]);
    store.update('INSERT DATA { GRAPH <http://ex/graph/changed> { <http://ex/s> <http://ex/q> "y" } }', {
      graphs: ["http://ex/graph/changed"],
    });
    await store.save();
    const file = join(storeDir, STORE_FILE);
    const text = readFileSync(file, "utf8");
    expect(text).toContain(`# article-kg graph <http://ex/graph/kept> bytes=${Buffer.byteLength(kept)}\n${kept}`);
    expect(text).not.toContain(changed); // written out of the store: zh-hans
    expect(text).toContain('"x"@zh-hans <http://ex/graph/changed> .\n');
    // reopened and saved again: both sections copied as they are
    const again = await KgStore.open(storeDir);
    again.dropGraph("http://ex/graph/none"); // a change, so that the save is a real one
    await again.save();
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("finds the same sections whatever the size of the chunks the file is read in", async () => {
    const storeDir = join(dir, "chunks");
    const store = await KgStore.open(storeDir);
    store.loadGraphTexts(
      GRAPHS.map((g, i) => ({ graph: g, nquads: Array.from({ length: 3 + i }, (_, n) => line(n, i, g)).join("") })),
    );
    await store.save();
    const sections = (size: number) => {
      const reader = new CheckedReader(join(storeDir, STORE_FILE));
      for (const _ of reader.chunks(size)) {
        // reading only
      }
      return [...reader.sections()].sort();
    };
    const whole = sections(4 << 20);
    expect(whole.map(([g]) => g)).toEqual([...GRAPHS].sort());
    // chunks shorter than a section line (but not than the header line the reader looks for
    // in the first chunk): the line is carried over to the next chunk
    for (const size of [24, 31, 64, 257]) expect(sections(size)).toEqual(whole);
  });
});
