/**
 * The baselines measured in the same run as our figures: (a) oxigraph loading the store's
 * quads from N-Quads in memory — the floor of any build; (b) N3.js parsing the same graph as
 * Turtle; (c) the named queries on an N3.Store through Comunica, when it is installed (it is not
 * a dependency: @comunica/query-sparql 5.x needs Node 22, see bench/README.md).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Store as N3Store, Parser } from "n3";
import { Store } from "oxigraph";
import { readNamedQueries } from "../src/serve/named-queries.js";
import { median } from "./stats.js";

/**
 * Seconds oxigraph takes to load `store.nq` of a store directory from memory (median of `runs`):
 * the file's bytes in 16 MB chunks (a 10,000-article store is past the longest JS string, 512 MiB).
 */
export function rawLoadSeconds(storeDir: string, runs = 1): { seconds: number; quads: number } {
  const bytes = readFileSync(join(storeDir, "store.nq"));
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK) chunks.push(bytes.subarray(at, at + CHUNK));
  const times: number[] = [];
  let quads = 0;
  for (let i = 0; i < runs; i++) {
    const store = new Store();
    const t0 = performance.now();
    store.load(chunks, { format: "application/n-quads" });
    times.push((performance.now() - t0) / 1000);
    quads = store.size;
  }
  return { seconds: median(times), quads };
}

const CHUNK = 16 << 20;

/** Seconds N3.js takes to parse a Turtle text (all quads delivered). */
export async function n3ParseSeconds(turtle: string): Promise<{ seconds: number; quads: number }> {
  const t0 = performance.now();
  let quads = 0;
  await new Promise<void>((resolve, reject) => {
    new Parser({ format: "text/turtle" }).parse(turtle, (error, quad) => {
      if (error) reject(error);
      else if (quad) quads++;
      else resolve();
    });
  });
  return { seconds: (performance.now() - t0) / 1000, quads };
}

/** Milliseconds of each named query on an N3.Store through Comunica, or a note why there are none. */
export async function comunicaTimes(
  turtle: string,
  prefixes: Readonly<Record<string, string>>,
  budgetMs = 60_000,
): Promise<{ times: Record<string, number | null>; note?: string }> {
  let engine: { queryBindings(q: string, ctx: unknown): Promise<{ toArray(): Promise<unknown[]> }> };
  try {
    const spec = process.env.BENCH_COMUNICA ?? "@comunica/query-sparql";
    const mod = (await import(spec)) as { QueryEngine: new () => typeof engine };
    engine = new mod.QueryEngine();
  } catch {
    return {
      times: {},
      note: "Comunica not installed (@comunica/query-sparql 5.x warns EBADENGINE on Node 20: graphql 17 and undici 8 need Node 22); set BENCH_COMUNICA to its path to measure it",
    };
  }
  const store = new N3Store(new Parser({ format: "text/turtle" }).parse(turtle));
  const prologue = Object.entries(prefixes)
    .map(([p, ns]) => `PREFIX ${p}: <${ns}>`)
    .join("\n");
  const times: Record<string, number | null> = {};
  for (const q of await readNamedQueries()) {
    const t0 = performance.now();
    try {
      await Promise.race([
        engine.queryBindings(`${prologue}\n${q.text}`, { sources: [store] }).then((s) => s.toArray()),
        new Promise((_, reject) => setTimeout(() => reject(new Error("budget")), budgetMs).unref()),
      ]);
      times[q.name] = performance.now() - t0;
    } catch {
      times[q.name] = null;
    }
  }
  return { times };
}
