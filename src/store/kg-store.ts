/**
 * The graph store: an embedded Oxigraph store (in memory) persisted as one N-Quads file
 * `<dir>/store.nq`, saved atomically. The only module that imports `oxigraph`; everything it
 * returns is plain RDF/JS (n3) terms and the typed `QueryResult`.
 *
 * Crash safety (docs: README, "Crash safety"): the file is replaced atomically and checks
 * itself (files.ts), so it is always the previous or the new store; the previous generation
 * stays as `store.nq.prev`; a damaged file is refused on load with how to recover. Writers
 * take the directory's lock (lock.ts) at their first change and give it back when they save:
 * a second writer waits, then is refused. A writer whose file was replaced by another one
 * since it loaded reloads it before its first change, so no write is lost.
 */
import { createHash, type Hash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  writevSync,
} from "node:fs";
import { join } from "node:path";
import type * as RDF from "@rdfjs/types";
import { Writer } from "n3";
import { type BlankNode, defaultGraph, type NamedNode, namedNode, Store, type Term } from "oxigraph";
import { KgError } from "../errors.js";
import { type RawFormat, RDF_FORMAT_TABLE, type RdfMediaType } from "../rdf/formats.js";
import { sparqlPrologue } from "../rdf/prefixes.js";
import {
  type ByteRange,
  CheckedReader,
  type FileCheck,
  keepAside,
  PREVIOUS,
  readTrailer,
  STORE_HEADER,
  sectionLine,
  sectionsIn,
  syncDir,
  trailerLine,
  writeAtomically,
} from "./files.js";
import { lockStoreSync, type StoreLock } from "./lock.js";
import type { QueryResult, Row } from "./result.js";
import { type ParsedQuery, parseSparql } from "./sparql.js";
import { toN3Quad, toN3Term } from "./terms.js";

/** Name of the data file inside a store directory. */
export const STORE_FILE = "store.nq";
/** Suffix of the file that holds the N-Quads of graphs loaded as text since the last save. */
const SPOOL = ".spool";
/** Suffix of the store file's index (`store.nq.index`: see `StoreIndex`). */
export const INDEX_SUFFIX = ".index";
/** First field of an index file. */
const INDEX_FORMAT = "article-kg index 1";

/**
 * What a caller keeps in the store's index, written next to the store file by a save: an entry
 * (JSON) for each of some named graphs, and bytes of its own. The index is a cache of the file
 * it was written with (it names the file's end line): a store opened `lazy` from it leaves those
 * graphs' sections unloaded until something reads them, and gives the entries back (`index`).
 */
export interface StoreIndex {
  readonly graphs: ReadonlyMap<string, unknown>;
  readonly data: Uint8Array;
}

/** Options of `KgStore.open`. */
export interface OpenOptions {
  /**
   * Use the store's index, when it is the one of the file: the graphs it lists stay as text in
   * the file (deferred) until something reads or changes them, and the file's checksum is
   * checked at the first use of such a text (a save that copies them, a load) instead of at
   * once. Without an index, or a stale one, the file is loaded as usual.
   */
  readonly lazy?: boolean;
}

/** Characters of N-Quads text per `load()` call: a few MB (see docs/platform-notes.md). */
const CHUNK_CHARS = 4 << 20;

const NQUADS = RDF_FORMAT_TABLE.nquads.mediaType;

/** Options of `query` and `queryRaw`. */
export interface QueryOptions {
  /** Query the union of all graphs as the default graph (default true: no GRAPH clause needed). */
  readonly defaultGraphAsUnion?: boolean;
  /** Prefixes declared before the query (errors still report the user's own lines). */
  readonly prefixes?: Readonly<Record<string, string>>;
  /** Default graph of the dataset (SPARQL Protocol `default-graph-uri`; overrides FROM and the union). */
  readonly defaultGraphs?: readonly string[];
  /** Named graphs of the dataset (SPARQL Protocol `named-graph-uri`; overrides FROM NAMED). */
  readonly namedGraphs?: readonly string[];
  /** Base IRI against which relative IRIs of the query are resolved. */
  readonly baseIri?: string;
}

/** Options of `update`. */
export interface UpdateOptions extends Pick<QueryOptions, "prefixes" | "baseIri"> {
  /** The graphs the update may change (default: any). */
  readonly graphs?: readonly string[];
  /** With `graphs`: the other graphs the update may read (default: any). */
  readonly reads?: readonly string[];
}

/** Result serialisations of `queryRaw` (SPARQL results or RDF for CONSTRUCT/DESCRIBE); media types of `loadText`. */
export type { RawFormat, RdfMediaType } from "../rdf/formats.js";

/** An RDF graph store with atomic persistence; implements `Store` (store.ts), checked where open.ts returns it as one. */
export class KgStore {
  /** Directory the store is saved to (undefined for a memory-only store). */
  readonly dir: string | undefined;
  #store: Store;
  /** Identity of the file the store was loaded from or saved to (undefined: there was none). */
  #generation: string | undefined;
  /** The directory's writer lock, from the first change to the next save. */
  #lock: StoreLock | undefined;
  /**
   * Where the N-Quads of a named graph are, as the store holds it: a section of the store file,
   * or of the spool (graphs loaded as text since the last save), in either case just after the
   * graph's section line. A save copies them instead of writing the graph out of the store; any
   * other change of a graph forgets it.
   */
  #ranges = new Map<string, ByteRange>();
  /** The spool file while open (descriptor, bytes written). */
  #spool: Spool | undefined;
  /**
   * Graphs held as text only (in `#ranges`), not yet in the engine, with their number of quads:
   * a build writes fresh article graphs so and saves them by copy without ever loading them
   * (`loadGraphTexts` with `defer`). Whatever reads or changes them loads them first
   * (`#materialise`), so the store answers as if they had been loaded all along.
   */
  #deferred = new Map<string, number>();
  /** The index the store was opened from (lazy open), until the file changes or is saved. */
  #index: StoreIndex | undefined;
  /**
   * The file a lazy open read, held open so that its deferred texts are read from that file even
   * when another writer replaces it; `unverified` until its checksum was checked.
   */
  #pinned: { readonly file: string; readonly fd: number; unverified: boolean; failed?: KgError } | undefined;

  private constructor(store: Store, dir: string | undefined, generation?: string, ranges?: Map<string, ByteRange>) {
    this.#store = store;
    this.dir = dir;
    this.#generation = generation;
    if (ranges !== undefined) this.#ranges = ranges;
  }

  /** An empty store that lives in memory only (`save()` is an error). */
  static memory(): KgStore {
    return new KgStore(new Store(), undefined);
  }

  /** Opens a store directory: loads `dir/store.nq` if present (see `OpenOptions.lazy`), else starts empty. */
  static async open(dir: string, options: OpenOptions = {}): Promise<KgStore> {
    const file = join(dir, STORE_FILE);
    const generation = generationOf(file);
    if (generation === undefined) return new KgStore(new Store(), dir, generation);
    if (options.lazy === true) {
      const lazy = openLazily(file, generation);
      if (lazy !== undefined) {
        const opened = new KgStore(lazy.store, dir, generation, lazy.ranges);
        opened.#deferred = lazy.deferred;
        opened.#index = lazy.index;
        opened.#pinned = { file, fd: lazy.fd, unverified: true };
        return opened;
      }
    }
    const { store, ranges } = loadFile(file);
    return new KgStore(store, dir, generation, ranges);
  }

  /** The index entries and data the store was opened with (lazy open), while the file it names is the store's. */
  get index(): StoreIndex | undefined {
    return this.#index;
  }

  /**
   * The N-Quads of a graph held as text only (deferred), read without loading it; undefined
   * for any other graph. A text of a file a lazy open read is not checked against the file's
   * checksum here (that reads the whole file): whatever the caller makes of it must not outlive
   * a save, which checks the file before it copies any of it (a damaged file is refused then).
   */
  deferredText(graph: string): Buffer | undefined {
    const range = this.#deferred.has(graph) ? this.#ranges.get(graph) : undefined;
    if (range === undefined) return undefined;
    const reader = this.#reader();
    try {
      return reader.read(range);
    } finally {
      reader.close();
    }
  }

  /** Number of quads in all graphs. */
  get size(): number {
    return this.#store.size + this.#deferredQuads();
  }

  /** Number of quads in all graphs (the `Store` form of `size`). */
  countQuads(): number {
    return this.size;
  }

  /** IRIs of the named graphs (blank-node graph names as `_:id`), sorted. */
  graphs(): string[] {
    const rows = this.#store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }") as Map<string, Term>[];
    const names = rows
      .map((r) => r.get("g"))
      .filter((t): t is NamedNode | BlankNode => t?.termType === "NamedNode" || t?.termType === "BlankNode")
      .map((t) => (t.termType === "BlankNode" ? `_:${t.value}` : t.value));
    return [...names, ...this.#deferred.keys()].sort();
  }

  /** The graphs held as text only, not loaded into the engine yet (see `loadGraphTexts`). */
  deferredGraphs(): ReadonlySet<string> {
    return new Set(this.#deferred.keys());
  }

  /** Loads quads (into `graph` when given, else each into its own graph); returns how many were sent. */
  loadQuads(quads: Iterable<RDF.Quad>, graph?: string): number {
    this.#beginWrite();
    this.#materialiseFor(graph === undefined ? undefined : [graph]);
    const writer = new Writer({ format: RDF_FORMAT_TABLE.nquads.n3 });
    const target = graph === undefined ? undefined : namedNode(graph);
    let parts: string[] = [];
    let chars = 0;
    let count = 0;
    let lastGraph: RDF.Term | undefined;
    if (target !== undefined) this.#ranges.delete(target.value);
    for (const q of quads) {
      if (target === undefined && q.graph !== lastGraph) {
        lastGraph = q.graph;
        if (q.graph.termType === "NamedNode") this.#ranges.delete(q.graph.value);
      }
      const line = writer.quadToString(q.subject, q.predicate, q.object, target ?? q.graph);
      parts.push(line);
      chars += line.length;
      count++;
      if (chars >= CHUNK_CHARS) {
        this.#load(parts.join(""), NQUADS, undefined);
        parts = [];
        chars = 0;
      }
    }
    if (parts.length > 0) this.#load(parts.join(""), NQUADS, undefined);
    return count;
  }

  /** Loads RDF text of a media type (triples into `graph` when given, else the default graph). */
  loadText(text: string, mediaType: RdfMediaType, graph?: string): void {
    this.#beginWrite();
    this.#materialiseFor(graph === undefined ? undefined : [graph]);
    this.#forget(graph === undefined ? undefined : [graph]); // without one, the text may hold statements of any graph
    this.#load(text, mediaType, graph);
  }

  /**
   * Loads named graphs given as N-Quads (UTF-8 bytes or text), each holding the statements of
   * its graph and nothing else, in one load. A graph that was empty keeps its text (in a spool
   * file next to the store) for the save to copy.
   *
   * With `defer`, a graph that was empty and whose number of (distinct) quads is given is not
   * loaded into the engine at all: its text waits in the spool, the save copies it, and the
   * first read of it loads it. A build that only writes and saves never pays for the load.
   */
  loadGraphTexts(
    texts: readonly {
      readonly graph: string;
      readonly nquads: Uint8Array | string;
      readonly quads?: number;
      /** The caller knows the text has no blank node (a `_:` in it is inside a literal). */
      readonly blankFree?: boolean;
    }[],
    options: { readonly defer?: boolean } = {},
  ): void {
    this.#beginWrite();
    this.#materialiseFor(texts.map((t) => t.graph));
    const seen = new Map<string, number>();
    for (const t of texts) seen.set(t.graph, (seen.get(t.graph) ?? 0) + 1);
    const bytes = texts.map((t) =>
      typeof t.nquads === "string"
        ? Buffer.from(t.nquads, "utf8")
        : Buffer.from(t.nquads.buffer, t.nquads.byteOffset, t.nquads.byteLength),
    );
    const fresh = texts.map((t, i) => {
      const b = bytes[i] as Buffer;
      return (
        this.dir !== undefined &&
        seen.get(t.graph) === 1 &&
        // blank-node labels are scoped to one load: a copied text could join two graphs' nodes
        (t.blankFree === true || !b.includes("_:")) &&
        b[b.length - 1] === 0x0a &&
        this.#store.match(null, null, null, namedNode(t.graph)).length === 0
      );
    });
    for (const t of texts) this.#ranges.delete(t.graph);
    // Each kept text follows its section line in the spool, as in a store file, so that a save
    // can copy the line and the text, and a run of them, in one go. The same bytes, section
    // lines (comments) included, are what the engine loads.
    const kept: { graph: string; at: number; length: number }[] = [];
    // Deferred texts go to the spool only; the others are loaded (and spooled when kept).
    const deferred: { graph: string; at: number; length: number; quads: number }[] = [];
    const spooled: Buffer[] = [];
    let spooledBytes = 0;
    const loaded: Buffer[] = [];
    let loadedBytes = 0;
    texts.forEach((t, i) => {
      const b = bytes[i] as Buffer;
      const defer = options.defer === true && fresh[i] === true && t.quads !== undefined && t.quads > 0;
      if (fresh[i] === true) {
        const line = Buffer.from(sectionLine(t.graph, b.length), "utf8");
        spooled.push(line, b);
        spooledBytes += line.length;
        const at = { graph: t.graph, at: spooledBytes, length: b.length };
        if (defer) deferred.push({ ...at, quads: t.quads as number });
        else kept.push(at);
        spooledBytes += b.length;
        if (defer) return;
        loaded.push(line);
        loadedBytes += line.length;
      }
      loaded.push(b);
      loadedBytes += b.length;
    });
    if (loaded.length > 0) this.#load(concat(loaded, loadedBytes), NQUADS, undefined);
    if (spooled.length === 0) return;
    const spool = this.#openSpool();
    // the parts as they are (no copy into one buffer: a build spools its whole output)
    for (let at = 0; at < spooledBytes; ) {
      const n = writevSync(spool.fd, partsFrom(spooled, at), spool.bytes + at);
      if (n === 0) throw new KgError("E_STORE", `cannot write to ${spool.file}: the disk took no more bytes`);
      at += n;
    }
    for (const part of spooled) spool.hash.update(part);
    spool.sections += kept.length + deferred.length;
    for (const k of [...kept, ...deferred])
      this.#ranges.set(k.graph, { file: spool.file, offset: spool.bytes + k.at, length: k.length });
    for (const d of deferred) this.#deferred.set(d.graph, d.quads);
    spool.bytes += spooledBytes;
  }

  /** Replaces a named graph's content (drop, then load), so rebuilding an article is idempotent. */
  replaceGraph(graphIri: string, quads: Iterable<RDF.Quad>): number {
    this.dropGraph(graphIri);
    return this.loadQuads(quads, graphIri);
  }

  /** Removes a named graph (no error if absent). */
  dropGraph(graphIri: string): void {
    checkIri(graphIri);
    this.#beginWrite();
    if (this.#deferred.delete(graphIri)) {
      this.#ranges.delete(graphIri);
      return;
    }
    this.#ranges.delete(graphIri);
    this.#store.update(`DROP SILENT GRAPH <${checkIri(graphIri)}>`);
  }

  /** The quads of one graph (`null`: the default graph), as n3 quads. */
  quadsOf(graph: string | null): RDF.Quad[] {
    this.#materialiseFor(graph === null ? [] : [graph]);
    const g = graph === null ? defaultGraph() : namedNode(graph);
    return this.#store.match(null, null, null, g).map(toN3Quad);
  }

  /**
   * One graph as text written by the store itself (one statement per line, far faster than
   * terms through JS): N-Triples, or N-Quads with the graph's name on every line. `null`: the
   * default graph; blank-node graph names as `_:id` (as `graphs()` gives them).
   */
  graphText(graph: string | null, format: "ntriples" | "nquads"): string {
    this.#materialiseFor(graph === null ? [] : [graph]);
    const from =
      graph === null ? defaultGraph() : graph.startsWith("_:") ? blankNodeOf(this.#store, graph) : namedNode(graph);
    const triples = this.#store.dump({ format: RDF_FORMAT_TABLE.ntriples.mediaType, from_graph_name: from });
    if (format === "ntriples" || graph === null) return triples;
    const name = graph.startsWith("_:") ? graph : `<${graph}>`;
    // N-Triples escapes line breaks in literals, so " .\n" only ends a statement.
    return triples.replaceAll(" .\n", ` ${name} .\n`);
  }

  /** Runs a SPARQL query (checked with sparqljs first) and returns one typed result. */
  query(sparql: string, options: QueryOptions = {}): QueryResult {
    const { text, parsed, offset } = this.#prepare(sparql, options);
    this.#materialiseFor(datasetOf(options));
    const raw = this.#run(text, offset, options, undefined);
    if (typeof raw === "boolean") return { kind: "boolean", value: raw };
    if (typeof raw === "string") throw new KgError("E_STORE", "unexpected serialised result");
    if (parsed.form === "CONSTRUCT" || parsed.form === "DESCRIBE")
      return { kind: "quads", quads: (raw as RDF.BaseQuad[]).map(toN3Quad) };
    const solutions = raw as Map<string, Term>[];
    const variables = [...parsed.variables];
    const known = new Set(variables);
    const rows: Row[] = solutions.map((m) => {
      const row = new Map<string, RDF.Term>();
      for (const [k, v] of m) {
        row.set(k, toN3Term(v));
        if (!known.has(k)) {
          known.add(k);
          variables.push(k);
        }
      }
      return row;
    });
    return { kind: "bindings", variables, rows };
  }

  /** Runs a SPARQL query and returns the result serialised by the store (json, csv, ttl, …). */
  queryRaw(sparql: string, resultsFormat: RawFormat, options: QueryOptions = {}): string {
    const { text, offset } = this.#prepare(sparql, options);
    this.#materialiseFor(datasetOf(options));
    const raw = this.#run(text, offset, options, resultsFormat);
    if (typeof raw !== "string") throw new KgError("E_STORE", "the store returned no serialised result");
    return raw;
  }

  /** Runs a SPARQL UPDATE. */
  update(sparql: string, options: UpdateOptions = {}): void {
    const { text, parsed, offset } = this.#prepare(sparql, options);
    if (parsed.form !== "UPDATE") throw new KgError("E_USAGE", "update() expects a SPARQL UPDATE; use query().");
    this.#beginWrite();
    this.#materialiseFor(
      options.reads === undefined || options.graphs === undefined ? undefined : [...options.reads, ...options.graphs],
    );
    this.#forget(options.graphs);
    try {
      this.#store.update(text, options.baseIri === undefined ? {} : { base_iri: options.baseIri });
    } catch (e) {
      throw engineError(e, offset);
    }
  }

  /**
   * Saves to `dir/store.nq` atomically (temporary file, fsync, rename), with its checksum, the
   * file it replaces kept as `store.nq.prev`; the directory is created if missing. Gives the
   * writer lock back.
   */
  async save(options: { readonly index?: StoreIndex } = {}): Promise<void> {
    if (this.dir === undefined) throw new KgError("E_STORE", "this store lives in memory only: nothing to save to.");
    const file = join(this.dir, STORE_FILE);
    try {
      this.#beginWrite();
      // the file a lazy open read (the statements it loaded, the sections it copies): checked
      // first, so that a save never passes on a damaged file as a sound one
      this.#verify();
      if (this.#spoolIsWhole()) {
        await this.#finishSpool(file);
        await this.#saved(file, options.index);
        return;
      }
      const saved = new Map<string, ByteRange>();
      await writeAtomically(
        file,
        async (sink) => {
          await sink.write(this.graphText(null, "nquads"));
          for (const g of this.graphs()) {
            // a blank-node graph name cannot open a section: written without one, never copied
            if (g.startsWith("_:")) {
              await sink.write(this.graphText(g, "nquads"));
              continue;
            }
            const range = this.#ranges.get(g);
            if (range !== undefined) {
              // the graph's section line is just before its text in that file, too
              const line = Buffer.byteLength(sectionLine(g, range.length), "utf8");
              await sink.copy({ file: range.file, offset: range.offset - line, length: line + range.length });
              saved.set(g, { file, offset: sink.written - range.length, length: range.length });
            } else {
              const bytes = Buffer.from(this.graphText(g, "nquads"), "utf8");
              await sink.write(sectionLine(g, bytes.length));
              saved.set(g, { file, offset: sink.written, length: bytes.length });
              await sink.write(bytes);
            }
          }
        },
        { keepPrevious: true, checksum: { quads: () => this.size } },
      );
      this.#generation = generationOf(file);
      this.#ranges = saved;
      this.#closeSpool();
      await this.#saved(file, options.index);
    } catch (e) {
      if (e instanceof KgError) throw e;
      throw new KgError("E_STORE", `cannot save the store to ${file}: ${messageOf(e)}`, {
        context: { file },
        cause: e,
      });
    } finally {
      this.close();
    }
  }

  /** After a save: the file a lazy open read is let go, and the index written (or removed). */
  async #saved(file: string, index: StoreIndex | undefined): Promise<void> {
    this.#unpin();
    this.#index = undefined;
    const indexFile = `${file}${INDEX_SUFFIX}`;
    rmSync(indexFile, { force: true });
    if (index === undefined) return;
    const trailer = readTrailer(file);
    if (trailer === undefined) return;
    // a listed graph is loaded on its own later, so it cannot share blank nodes with the rest
    // (blank-node labels are scoped to one load); texts never loaded have none (loadGraphTexts)
    const blank = this.#store.query(
      "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) } }",
    ) as Map<string, Term>[];
    if (blank.some((r) => index.graphs.has(r.get("g")?.value ?? ""))) return;
    const entries: [string, number, number, number, unknown][] = [];
    for (const [g, entry] of index.graphs) {
      const range = this.#ranges.get(g);
      if (range === undefined || range.file !== file) return; // not a section: no index
      entries.push([g, range.offset, range.length, this.#deferred.get(g) ?? this.#quadsIn(g), entry]);
    }
    const head = {
      format: INDEX_FORMAT,
      store: { quads: trailer.quads, bytes: trailer.bytes, sha256: trailer.sha256 },
    };
    try {
      await writeAtomically(indexFile, async (sink) => {
        await sink.write(`${JSON.stringify({ ...head, graphs: entries })}\n`);
        await sink.write(index.data);
      });
    } catch {
      // the index is a cache: without it the next lazy open loads the file as usual
      rmSync(indexFile, { force: true });
    }
  }

  /** Quads of a graph the engine holds. */
  #quadsIn(graph: string): number {
    const rows = this.#store.query(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${checkIri(graph)}> { ?s ?p ?o } }`) as Map<
      string,
      Term
    >[];
    return Number(rows[0]?.get("n")?.value ?? 0);
  }

  /** A reader of graph texts (the file a lazy open read through its descriptor). */
  #reader(): RangeReader {
    return new RangeReader(this.#pinned === undefined ? undefined : { file: this.#pinned.file, fd: this.#pinned.fd });
  }

  /** Checks the checksum of the file a lazy open read, once, before a text of it is used. */
  #verify(): void {
    const pinned = this.#pinned;
    if (pinned === undefined || !pinned.unverified) return;
    if (pinned.failed !== undefined) throw pinned.failed; // once is enough: the file is not read again
    const reader = new CheckedReader(pinned.file, pinned.fd);
    const check = reader.checkOnly();
    let failed: KgError | undefined;
    if (!check.ok) failed = corrupt(pinned.file, check.reason, undefined);
    else if (check.legacy) failed = corrupt(pinned.file, "its header is missing", undefined);
    else {
      // the index was read with the file's end line; its sections are checked against the file's
      const sections = reader.allSections();
      for (const [g, r] of this.#ranges) {
        if (r.file !== pinned.file) continue;
        const s = sections.get(g);
        if (s?.offset !== r.offset || s.length !== r.length) {
          failed = new KgError(
            "E_STORE_CORRUPT",
            `${pinned.file}${INDEX_SUFFIX} does not match ${pinned.file} (graph <${g}>): remove it and run again (the store file itself is sound).`,
            { context: { file: pinned.file } },
          );
          break;
        }
      }
    }
    if (failed !== undefined) {
      pinned.failed = failed;
      throw failed;
    }
    pinned.unverified = false;
  }

  /** Lets go of the file a lazy open read. */
  #unpin(): void {
    if (this.#pinned === undefined) return;
    closeSync(this.#pinned.fd);
    this.#pinned = undefined;
  }

  /** Gives the writer lock back without saving (changes since the last save stay in memory only). */
  close(): void {
    try {
      // a deferred graph whose only text is the spool is loaded before the spool goes (this
      // may fail: the file a lazy open read is damaged; the spool and the lock go all the same)
      const spool = this.#spool?.file;
      if (spool !== undefined && [...this.#deferred.keys()].some((g) => this.#ranges.get(g)?.file === spool))
        this.#materialise();
    } finally {
      if (this.#spool !== undefined) {
        for (const [g, r] of this.#ranges) if (r.file === this.#spool.file) this.#ranges.delete(g);
        this.#closeSpool();
      }
      this.#lock?.release();
      this.#lock = undefined;
    }
  }

  /**
   * Whether the spool should become the store file: every section of it is still a graph's
   * whole text, and it holds more than the sections left to copy from other files (a rebuild
   * of one article copies the rest of the old file the usual way, in large coalesced reads).
   */
  #spoolIsWhole(): boolean {
    const spool = this.#spool;
    if (spool === undefined || spool.sections === 0) return false;
    let live = 0;
    let elsewhere = 0;
    for (const r of this.#ranges.values())
      if (r.file === spool.file) live++;
      else elsewhere += r.length;
    return live === spool.sections && spool.bytes >= elsewhere;
  }

  /**
   * Saves by finishing the spool as the store file: the other graphs (copied from their
   * sections in other files, or written out of the engine) and the end line are appended,
   * and the spool is fsynced and renamed over the store file (the old one kept as
   * `store.nq.prev`). A build's article graphs are thus written to disk once, not copied again.
   */
  async #finishSpool(file: string): Promise<void> {
    const spool = this.#spool as Spool;
    const saved = new Map<string, ByteRange>();
    for (const [g, r] of this.#ranges) if (r.file === spool.file) saved.set(g, { ...r, file });
    const append = (data: Uint8Array) => {
      writeFully(spool, data, spool.bytes);
      spool.hash.update(data);
      spool.bytes += data.length;
    };
    const sources = this.#reader();
    try {
      append(Buffer.from(this.graphText(null, "nquads"), "utf8"));
      for (const g of this.graphs()) {
        if (saved.has(g)) continue;
        if (g.startsWith("_:")) {
          append(Buffer.from(this.graphText(g, "nquads"), "utf8"));
          continue;
        }
        const range = this.#ranges.get(g);
        let line: Buffer;
        let text: Uint8Array;
        if (range !== undefined) {
          line = Buffer.from(sectionLine(g, range.length), "utf8");
          text = sources.read(range);
        } else {
          text = Buffer.from(this.graphText(g, "nquads"), "utf8");
          line = Buffer.from(sectionLine(g, text.length), "utf8");
        }
        append(line);
        saved.set(g, { file, offset: spool.bytes, length: text.length });
        append(text);
      }
    } finally {
      sources.close();
    }
    writeFully(spool, Buffer.from(trailerLine(this.size, spool.bytes, spool.hash.digest("hex")), "utf8"), spool.bytes);
    fsyncSync(spool.fd);
    closeSync(spool.fd);
    this.#spool = undefined;
    if (existsSync(file)) await keepAside(file);
    renameSync(spool.file, file);
    await syncDir(this.dir as string);
    this.#generation = generationOf(file);
    this.#ranges = saved;
  }

  /** Forgets where the graphs' texts are (undefined: every graph's). */
  #forget(graphs: readonly string[] | undefined): void {
    this.#materialiseFor(graphs);
    if (graphs === undefined) this.#ranges.clear();
    else for (const g of graphs) this.#ranges.delete(g);
  }

  /** The spool file, opened (emptied) at its first use since the last save. */
  #openSpool(): Spool {
    if (this.#spool !== undefined) return this.#spool;
    const dir = this.dir as string;
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${STORE_FILE}${SPOOL}`);
    // laid out as a store file (header, then sections), so that a save can finish it and make it the store
    const header = Buffer.from(STORE_HEADER, "utf8");
    this.#spool = {
      fd: openSync(file, "w+"),
      file,
      bytes: header.length,
      hash: createHash("sha256").update(header),
      sections: 0,
    };
    writeFully(this.#spool, header, 0);
    return this.#spool;
  }

  #closeSpool(): void {
    if (this.#spool === undefined) return;
    closeSync(this.#spool.fd);
    rmSync(this.#spool.file, { force: true });
    this.#spool = undefined;
  }

  /**
   * Before the first change since loading or saving: takes the directory's lock (waiting for
   * another writer, then refusing with E_STORE_LOCKED), and reloads the file if another
   * writer replaced it meanwhile, so its changes are kept.
   */
  #beginWrite(): void {
    if (this.dir === undefined || this.#lock !== undefined) return;
    const lock = lockStoreSync(this.dir);
    try {
      const file = join(this.dir, STORE_FILE);
      const now = generationOf(file);
      if (now !== this.#generation) {
        const loaded =
          now === undefined ? { store: new Store(), ranges: new Map<string, ByteRange>() } : loadFile(file);
        this.#store = loaded.store;
        this.#ranges = loaded.ranges;
        this.#deferred.clear();
        this.#index = undefined;
        this.#unpin();
        this.#generation = now;
      }
    } catch (e) {
      lock.release();
      throw e;
    }
    this.#lock = lock;
  }

  /** Loads the deferred graphs unless `graphs` is given and holds none of them (undefined: any graph). */
  #materialiseFor(graphs: readonly string[] | undefined): void {
    if (this.#deferred.size === 0) return;
    if (graphs !== undefined && !graphs.some((g) => this.#deferred.has(g))) return;
    this.#materialise();
  }

  /** Quads of the deferred graphs. */
  #deferredQuads(): number {
    let n = 0;
    for (const quads of this.#deferred.values()) n += quads;
    return n;
  }

  /** Loads every deferred graph into the engine from its text, in loads of a few MB. */
  #materialise(): void {
    if (this.#deferred.size === 0) return;
    this.#verify();
    const graphs = [...this.#deferred.keys()];
    const expected = this.size;
    this.#deferred = new Map();
    const texts = this.#reader();
    let batch: Buffer[] = [];
    let bytes = 0;
    const flush = () => {
      if (batch.length > 0) this.#load(concat(batch, bytes), NQUADS, undefined);
      batch = [];
      bytes = 0;
    };
    try {
      for (const g of graphs) {
        const range = this.#ranges.get(g);
        if (range === undefined) throw new KgError("E_STORE", `the text of graph <${g}> was lost before it was loaded`);
        const buf = texts.read(range);
        batch.push(buf);
        bytes += buf.length;
        if (bytes >= CHUNK_CHARS) flush();
      }
      flush();
    } finally {
      texts.close();
    }
    if (this.#store.size !== expected)
      throw new KgError(
        "E_STORE",
        `loading the deferred graphs gave ${this.#store.size} quads where ${expected} were counted (a graph text with a repeated statement?)`,
      );
  }

  #load(text: string | Uint8Array, format: string, graph: string | undefined): void {
    try {
      this.#store.load(text, {
        format,
        ...(graph === undefined ? {} : { to_graph_name: namedNode(graph) }),
      });
    } catch (e) {
      throw new KgError("E_RDF_SYNTAX", `cannot load ${format} data: ${messageOf(e)}`, { cause: e });
    }
  }

  #prepare(
    sparql: string,
    options: Pick<QueryOptions, "prefixes">,
  ): { text: string; parsed: ParsedQuery; offset: number } {
    const prologue = options.prefixes ? sparqlPrologue(options.prefixes) : "";
    const offset = prologue ? 1 : 0;
    const text = prologue ? `${prologue}\n${sparql}` : sparql;
    return { text, parsed: parseSparql(text, offset), offset };
  }

  #run(text: string, offset: number, options: QueryOptions, format: RawFormat | undefined) {
    try {
      return this.#store.query(text, {
        use_default_graph_as_union: options.defaultGraphAsUnion ?? true,
        ...(format === undefined ? {} : { results_format: format }),
        ...(options.defaultGraphs === undefined
          ? {}
          : { default_graph: options.defaultGraphs.map((g) => namedNode(g)) }),
        ...(options.namedGraphs === undefined ? {} : { named_graphs: options.namedGraphs.map((g) => namedNode(g)) }),
        ...(options.baseIri === undefined ? {} : { base_iri: options.baseIri }),
      });
    } catch (e) {
      throw engineError(e, offset);
    }
  }
}

/** The spool file while open: descriptor, bytes written, their running SHA-256, sections written. */
interface Spool {
  readonly fd: number;
  readonly file: string;
  bytes: number;
  readonly hash: Hash;
  sections: number;
}

/** Reads byte ranges of files, each file opened once until `close()`; `pinned`: a file read through a descriptor held elsewhere. */
class RangeReader {
  readonly #fds = new Map<string, number>();
  readonly #pinned: { readonly file: string; readonly fd: number } | undefined;

  constructor(pinned?: { readonly file: string; readonly fd: number }) {
    this.#pinned = pinned;
  }

  /** The bytes of a range. */
  read(range: ByteRange): Buffer {
    let fd = range.file === this.#pinned?.file ? this.#pinned.fd : this.#fds.get(range.file);
    if (fd === undefined) {
      fd = openSync(range.file, "r");
      this.#fds.set(range.file, fd);
    }
    try {
      return readRange(fd, range.offset, range.length);
    } catch (e) {
      throw new KgError("E_STORE", `cannot read ${range.file}: ${messageOf(e)}`, { cause: e });
    }
  }

  close(): void {
    for (const fd of this.#fds.values()) closeSync(fd);
    this.#fds.clear();
  }
}

/** Writes all of `data` at `position` of the spool. */
function writeFully(spool: Spool, data: Uint8Array, position: number): void {
  for (let at = 0; at < data.length; ) {
    const n = writeSync(spool.fd, data, at, data.length - at, position + at);
    if (n === 0) throw new KgError("E_STORE", `cannot write to ${spool.file}: the disk took no more bytes`);
    at += n;
  }
}

/** The named graphs a query's dataset is limited to, or undefined when it may read any graph. */
function datasetOf(options: QueryOptions): string[] | undefined {
  if (options.defaultGraphs === undefined || options.namedGraphs === undefined) return undefined;
  return [...options.defaultGraphs, ...options.namedGraphs];
}

/** The buffers from byte `at` of their concatenation on (at most 1,024: the limit of one writev). */
function partsFrom(parts: readonly Buffer[], at: number): Buffer[] {
  const out: Buffer[] = [];
  let skip = at;
  for (const p of parts) {
    if (out.length === 1024) break;
    if (skip >= p.length) {
      skip -= p.length;
      continue;
    }
    out.push(skip === 0 ? p : p.subarray(skip));
    skip = 0;
  }
  return out;
}

/** One buffer of several (the first itself when alone). */
function concat(parts: readonly Buffer[], bytes: number): Buffer {
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, bytes);
}

/**
 * Identity of a store file (device, inode, size, change time), or undefined when there is none.
 * An atomic replacement always makes a new inode. A missing file next to a previous generation
 * is an error: the store would silently start empty.
 */
function generationOf(file: string): string | undefined {
  const st = statSync(file, { throwIfNoEntry: false, bigint: true });
  if (st === undefined) {
    if (existsSync(`${file}${PREVIOUS}`))
      throw new KgError(
        "E_STORE_CORRUPT",
        `${file} is missing, but its previous generation ${file}${PREVIOUS} is there: recover it with "mv ${file}${PREVIOUS} ${file}", or remove ${file}${PREVIOUS} to start an empty store.`,
        { context: { file } },
      );
    return undefined;
  }
  return `${st.dev}:${st.ino}:${st.size}:${st.ctimeNs}`;
}

/** Loads a store file into a new engine store, checking it; a damaged file is E_STORE_CORRUPT. */
function loadFile(file: string): { store: Store; ranges: Map<string, ByteRange> } {
  const store = new Store();
  const reader = new CheckedReader(file);
  let check: FileCheck;
  try {
    // lenient: no second validation of IRIs and literals that were checked when they entered the
    // store (20–30 % faster); a file changed since fails its checksum below all the same.
    store.load(reader.chunks(), { format: NQUADS, lenient: true });
    check = reader.check();
  } catch (e) {
    const found = new CheckedReader(file).checkOnly();
    throw corrupt(file, found.ok ? `it does not parse (${messageOf(e)})` : found.reason, e);
  }
  if (!check.ok) throw corrupt(file, check.reason, undefined);
  if (check.quads !== undefined && check.quads !== store.size)
    throw corrupt(file, `it holds ${store.size} quads where ${check.quads} were written`, undefined);
  return { store, ranges: new Map(reader.sections()) };
}

/** What a lazy open read: the engine with what the index does not list, and the listed graphs left as text. */
interface LazyOpen {
  readonly store: Store;
  readonly ranges: Map<string, ByteRange>;
  readonly deferred: Map<string, number>;
  readonly index: StoreIndex;
  readonly fd: number;
}

/**
 * Opens a store file through its index (`StoreIndex`): loads what lies between the sections it
 * lists and leaves those as text; undefined (the caller loads the whole file) when there is no
 * index, or it is not the file's (another end line), or anything does not add up. The file's
 * checksum is not read here: `#verify` does that before a deferred text is used.
 */
function openLazily(file: string, generation: string): LazyOpen | undefined {
  const indexFile = `${file}${INDEX_SUFFIX}`;
  if (!existsSync(indexFile)) return undefined;
  const fd = openSync(file, "r");
  try {
    const st = fstatSync(fd, { bigint: true });
    if (`${st.dev}:${st.ino}:${st.size}:${st.ctimeNs}` !== generation) throw new Error("replaced since");
    const trailer = readTrailer(file, fd);
    if (trailer === undefined) throw new Error("no end line");
    const raw = readFileSync(indexFile);
    const nl = raw.indexOf(10);
    if (nl < 0) throw new Error("no head line");
    const head = JSON.parse(raw.subarray(0, nl).toString("utf8")) as {
      format?: unknown;
      store?: { quads?: unknown; bytes?: unknown; sha256?: unknown };
      graphs?: unknown;
    };
    if (
      head.format !== INDEX_FORMAT ||
      head.store?.quads !== trailer.quads ||
      head.store.bytes !== trailer.bytes ||
      head.store.sha256 !== trailer.sha256 ||
      !Array.isArray(head.graphs)
    )
      throw new Error("not this file's index");
    const listed: { graph: string; start: number; range: ByteRange; quads: number; entry: unknown }[] = [];
    for (const row of head.graphs as unknown[]) {
      if (!Array.isArray(row) || row.length !== 5) throw new Error("bad row");
      const [graph, offset, length, quads] = row as unknown[];
      if (typeof graph !== "string" || !isCount(offset) || !isCount(length) || !isCount(quads))
        throw new Error("bad row");
      const start = offset - Buffer.byteLength(sectionLine(graph, length), "utf8");
      listed.push({ graph, start, range: { file, offset, length }, quads, entry: row[4] });
    }
    listed.sort((a, b) => a.start - b.start);
    // the bytes between the listed sections: the header, the default graph, the other sections
    const gaps: { from: number; to: number }[] = [];
    let at = 0;
    for (const l of listed) {
      if (l.start < at) throw new Error("overlapping sections");
      if (l.start > at) gaps.push({ from: at, to: l.start });
      at = l.range.offset + l.range.length;
    }
    if (at > trailer.bytes) throw new Error("a section past the end");
    if (trailer.bytes > at) gaps.push({ from: at, to: trailer.bytes });
    const ranges = new Map<string, ByteRange>();
    const store = new Store();
    function* texts(): Generator<Uint8Array> {
      for (const gap of gaps) {
        const buf = readRange(fd, gap.from, gap.to - gap.from);
        for (const [g, r] of sectionsIn(buf, file, gap.from)) ranges.set(g, r);
        yield buf;
      }
    }
    // one load, as of the whole file (blank-node labels are scoped to a load)
    store.load(texts(), { format: NQUADS, lenient: true });
    let quads = store.size;
    const deferred = new Map<string, number>();
    const entries = new Map<string, unknown>();
    for (const l of listed) {
      if (deferred.has(l.graph) || ranges.has(l.graph)) throw new Error("a graph listed twice");
      ranges.set(l.graph, l.range);
      deferred.set(l.graph, l.quads);
      entries.set(l.graph, l.entry);
      quads += l.quads;
    }
    if (quads !== trailer.quads) throw new Error("the quads do not add up");
    return { store, ranges, deferred, index: { graphs: entries, data: raw.subarray(nl + 1) }, fd };
  } catch {
    // a stale or damaged index is only a cache miss: the file is loaded (and checked) as usual
    closeSync(fd);
    return undefined;
  }
}

const isCount = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;

/** `length` bytes of an open file from `offset` on. */
function readRange(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  for (let at = 0; at < length; ) {
    const n = readSync(fd, buf, at, length - at, offset + at);
    if (n === 0) throw new KgError("E_STORE", `the file ends before byte ${offset + length}`);
    at += n;
  }
  return buf;
}

function corrupt(file: string, reason: string, cause: unknown): KgError {
  const prev = `${file}${PREVIOUS}`;
  let recover: string;
  if (!existsSync(prev)) recover = "Restore it from a backup, or move it away to start an empty store.";
  else {
    const p = new CheckedReader(prev).checkOnly();
    recover = p.ok
      ? `The previous generation is intact${p.quads === undefined ? "" : ` (${p.quads} quads)`}: recover it with "mv ${prev} ${file}" (the last write is lost), or move ${file} away to start an empty store.`
      : `The previous generation ${prev} is damaged too (${p.reason}): restore a backup, or move both away to start an empty store.`;
  }
  return new KgError("E_STORE_CORRUPT", `${file} is corrupt: ${reason}. It was left untouched. ${recover}`, {
    context: { file },
    ...(cause === undefined ? {} : { cause }),
  });
}

function blankNodeOf(store: Store, label: string): BlankNode {
  const rows = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } FILTER(isBlank(?g)) }") as Map<string, Term>[];
  const hit = rows.map((r) => r.get("g")).find((t) => t?.termType === "BlankNode" && `_:${t.value}` === label);
  if (hit?.termType !== "BlankNode") throw new KgError("E_STORE", `graph ${label} vanished while saving`);
  return hit;
}

function checkIri(iri: string): string {
  if (/[\s<>"{}|^`\\]/u.test(iri)) throw new KgError("E_USAGE", `not a valid IRI: ${iri}`);
  return iri;
}

function engineError(e: unknown, offset: number): KgError {
  const message = messageOf(e);
  const at = /^error at (\d+):(\d+): (.*)$/su.exec(message);
  if (at) {
    const line = Number(at[1]) - offset;
    const column = Number(at[2]);
    return new KgError("E_SPARQL_SYNTAX", `line ${line}, column ${column}: ${at[3]}`, {
      context: { line, column },
      cause: e,
    });
  }
  return new KgError("E_STORE", `query failed: ${message}`, { cause: e });
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
