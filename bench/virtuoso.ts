/**
 * Beyond one store: `article-kg build` of a generated corpus into Virtuoso (one Graph Store PUT
 * per article graph, extraction on every core) against Virtuoso's own bulk loader (`ld_dir` +
 * `rdf_loader_run`) of the same quads, the N-Quads of the embedded store built from that corpus.
 * Both on the same server, emptied before each. Needs a running Virtuoso:
 *
 *     source .ci/services/virtuoso.sh && npm run bench:virtuoso -- --articles 1000
 *
 * (`npm run bench` runs it too when VIRTUOSO_STORE is set). Figures only: nothing is asserted.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type Corpus, ensureCorpus, ensureStore, runCommand } from "./corpora.js";

/** What building into Virtuoso took, beside its bulk load of the same quads. */
export interface VirtuosoFigures {
  readonly articles: number;
  readonly build_s: number;
  readonly build_quads: number;
  readonly articles_per_s: number;
  readonly quads_per_s: number;
  readonly build_peak_rss_mb: number;
  readonly bulk_load_s: number;
  readonly bulk_quads: number;
  /** Our build's wall time over the bulk load's. */
  readonly build_bulk_ratio: number;
}

/** The running server of .ci/services/virtuoso.sh, or undefined. */
export function virtuosoServer(): { store: string; dir: string; sqlPort: string } | undefined {
  const { VIRTUOSO_STORE: store, VIRTUOSO_DIR: dir, VIRTUOSO_SQL_PORT: sqlPort } = process.env;
  if (store === undefined || dir === undefined || sqlPort === undefined) return undefined;
  return { store, dir, sqlPort };
}

const BASE = "https://w3id.org/article-kg/";

/** Runs SQL (or `SPARQL …`) statements through isql; returns its output. */
function isql(port: string, statements: string): string {
  return execFileSync("isql-vt", [`127.0.0.1:${port}`, "dba", "dba", `exec=${statements}`], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
}

/** Quads in the graphs under the project's base. */
function countQuads(port: string): number {
  const out = isql(
    port,
    `SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "${BASE}")) };`,
  );
  const n = out
    .split("\n")
    .map((l) => l.trim())
    .find((l) => /^\d+$/u.test(l));
  return Number(n ?? Number.NaN);
}

/** Empties the project's graphs on the server and the bulk loader's list (the rest is left alone). */
function wipe(port: string): void {
  isql(
    port,
    `log_enable(3, 1); DELETE FROM DB.DBA.RDF_QUAD WHERE id_to_iri(G) LIKE '${BASE}%'; DELETE FROM DB.DBA.load_list; checkpoint;`,
  );
}

/** Builds the corpus into the server, then bulk-loads the embedded store's quads into it. */
export async function virtuosoBuild(corpus: Corpus, storeDir: string): Promise<VirtuosoFigures> {
  const server = virtuosoServer();
  if (server === undefined) throw new Error("no Virtuoso: source .ci/services/virtuoso.sh first");
  wipe(server.sqlPort);
  const run = await runCommand(["build", corpus.dir, "--store", server.store]);
  if (run.code !== 0) throw new Error(`build into Virtuoso exited ${run.code}: ${run.stderr}`);
  const buildQuads = countQuads(server.sqlPort);

  wipe(server.sqlPort);
  const file = join(server.dir, "bulk.nq");
  copyFileSync(join(storeDir, "store.nq"), file); // the loader reads files under DirsAllowed only
  try {
    const t0 = performance.now();
    isql(
      server.sqlPort,
      `ld_dir('${server.dir}', 'bulk.nq', '${BASE}graph/bulk-default'); rdf_loader_run(); checkpoint;`,
    );
    const bulk = (performance.now() - t0) / 1000;
    const bulkQuads = countQuads(server.sqlPort);
    wipe(server.sqlPort);
    return {
      articles: corpus.articles,
      build_s: round(run.seconds),
      build_quads: buildQuads,
      articles_per_s: round(corpus.articles / run.seconds, 1),
      quads_per_s: Math.round(buildQuads / run.seconds),
      build_peak_rss_mb: Math.round(run.peakRssMb),
      bulk_load_s: round(bulk),
      bulk_quads: bulkQuads,
      build_bulk_ratio: round(run.seconds / bulk, 2),
    };
  } finally {
    rmSync(file, { force: true });
  }
}

const round = (x: number, d = 3) => Number(x.toFixed(d));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { articles: { type: "string" }, seed: { type: "string" } } });
  const corpus = ensureCorpus(Number(values.articles ?? 1000), Number(values.seed ?? 2));
  const store = await ensureStore(corpus, true);
  console.log(JSON.stringify(await virtuosoBuild(corpus, store.dir), null, 2));
}
