/**
 * A whole build, in its one order: read → extract → map → store each article graph, then the
 * reference graph, the link sets, the provenance and the description, then save. The CLI's
 * `build`, the tests and the benchmarks call this; none of them keeps an order of its own.
 *
 * Articles stream from disk to the store: with `jobs` > 1 they are read, extracted and mapped
 * in worker threads, a bounded number in flight, and written in input order (the store is the
 * same as with one job). With `incremental`, an article whose stored graph has the same
 * fingerprint (text hash, source, publication date, tool version) is skipped unextracted; with
 * `prune`, article graphs whose file is not among the inputs are dropped.
 */
import { readArticleBytes, slugOf } from "../article/read.js";
import { DatasetTally } from "../describe/index.js";
import { KgError } from "../errors.js";
import type { Iris } from "../rdf/iri.js";
import { KgStore, type Store } from "../store/index.js";
import {
  type ArticleTask,
  badFileError,
  type Fingerprint,
  inputKey,
  type TaskResult,
  taskRunner,
} from "./article-task.js";
import { type IndexEntry, readBuildIndex, storeIndexOf, summaryOfText } from "./build-index.js";
import { finishBuild } from "./finish.js";
import { currentAgent, knownGraphs, storedArticleGraphs } from "./known.js";
import { rebuildReference } from "./reference.js";
import type { SourceOptions } from "./sources.js";
import { mapInOrder, TaskPool } from "./workers.js";
import { GraphTextWriter, type WrittenGraphs } from "./write.js";

/** Articles in flight per extracting thread (results wait in input order: ~130 KB of N-Quads each). */
const TASKS_IN_FLIGHT_PER_THREAD = 64;

/** What happened to one input file. */
export type ArticleStatus = "added" | "changed" | "unchanged" | "bad";

/** One input file done (progress). */
export interface ArticleDone {
  readonly file: string;
  readonly status: ArticleStatus;
  /** The article graph (absent for a bad file). */
  readonly graph?: string;
}

/** Options of a build. */
export interface BuildOptions extends SourceOptions {
  readonly iris: Iris;
  /** Threads that read and extract articles (default 1: in this thread); more start worker threads. */
  readonly jobs?: number;
  /** Skip an article whose stored graph has the same fingerprint (default false: re-extract everything). */
  readonly incremental?: boolean;
  /** Drop the article graphs whose file is not among the inputs (default false). */
  readonly prune?: boolean;
  /** Called after each input file is done, in input order (progress). */
  readonly onArticle?: (done: ArticleDone) => void;
  /** Called once every article graph is written, before the shared graphs. */
  readonly onArticlesWritten?: () => void;
  /** Put the whole place code list in the reference graph. */
  readonly allPlaces?: boolean;
  /** Licence of the dataset in its description. */
  readonly license?: string;
  /** Query endpoint of a server store (void:sparqlEndpoint). */
  readonly sparqlEndpoint?: string;
  /** Handed a warning (the embedded store's ceiling coming near). */
  readonly onWarning?: (message: string) => void;
  /** The clock of the provenance and description times (tests fix it to compare stores byte for byte). */
  readonly now?: () => Date;
}

/** Seconds spent in each part of a build. */
export interface BuildTimings {
  /** Reading the store's fingerprints (incremental, prune). */
  readonly known: number;
  /** Reading, extracting and writing the article graphs. */
  readonly articles: number;
  /** The reference graph (places, periods, schemes used). */
  readonly reference: number;
  /** Links, provenance and description (its statistics counted on the store). */
  readonly finish: number;
  /** Saving the store. */
  readonly save: number;
}

/** What a build did. */
export interface BuildResult extends WrittenGraphs {
  /** Quads written in all (article graphs, reference, links, provenance, description). */
  readonly quads: number;
  /** Articles new to the store. */
  readonly added: number;
  /** Articles whose graph was replaced. */
  readonly changed: number;
  /** Articles skipped because their graph is up to date (incremental). */
  readonly unchanged: number;
  /** Article graphs dropped because their file is gone (prune). */
  readonly removed: number;
  /** Bad files skipped. */
  readonly bad: number;
  /** Threads that extracted. */
  readonly jobs: number;
  /** Seconds per part of the build (the store's save time apart). */
  readonly timings: BuildTimings;
}

/**
 * Builds the article files into the store and saves it. When no file could be read as an
 * article the store is neither changed nor saved (E_INPUT_NOT_FOUND).
 */
export async function buildStore(store: Store, files: readonly string[], options: BuildOptions): Promise<BuildResult> {
  const { iris, onArticle, onArticlesWritten, allPlaces, license, sparqlEndpoint, jobs, incremental, prune, now } =
    options;
  const { onBadFile, ...read } = sourceOptions(options);
  const clock = now ?? (() => new Date());
  const started = clock();
  let t = performance.now();
  const lap = () => {
    const n = performance.now();
    const s = (n - t) / 1000;
    t = n;
    return s;
  };

  const agent = currentAgent(iris);
  const kg = store instanceof KgStore && store.dir !== undefined ? store : undefined;
  // An embedded store opened through its index (KgStore.open `lazy`): the article graphs stay
  // text in the file, and what this build needs of them is in the index (fingerprints, what
  // they use, the dataset's tally), so none of them is loaded or queried.
  const opened = kg?.index;
  const indexed = readBuildIndex(opened, iris.base, agent);
  const stored = new Set(await storedArticleGraphs(store, iris));
  // (a full rebuild replaces every graph: taking each old summary away would cost more than it saves)
  const indexUsable =
    incremental === true &&
    indexed !== undefined &&
    stored.size === indexed.entries.size &&
    [...stored].every((g) => indexed.entries.has(g));
  const known: ReadonlyMap<string, Fingerprint> =
    incremental !== true
      ? new Map()
      : indexUsable
        ? new Map([...indexed.entries].map(([g, e]) => [g, e.fp]))
        : await knownGraphs(store, iris);
  const knownS = lap();
  if (options.onWarning !== undefined) {
    const warning = ceilingWarning(store, files.length - stored.size);
    if (warning !== undefined) options.onWarning(warning);
  }

  const threads = Math.max(1, Math.min(jobs ?? 1, files.length));
  // Into an empty embedded store, the article graphs are kept as text (spooled, copied by the
  // save) and never loaded into the engine: each is summarised where it is made, and the
  // dataset's figures are added up from the summaries (describe/graph-summary.ts). The
  // engine's load was most of this thread's work, the one that bounded a parallel build.
  // An indexed store is tallied the same way, its changed graphs' old summaries taken away.
  const defer = kg !== undefined && (stored.size === 0 || indexUsable);
  let tally = !defer ? undefined : indexUsable ? indexed.tally : new DatasetTally(iris.base);
  /** The index entries of the article graphs (undefined: the next save writes no index). */
  let entries: Map<string, IndexEntry> | undefined = !defer ? undefined : indexUsable ? indexed.entries : new Map();
  /** Gives up the tally and the index entries: the store counts the figures, and no index is written. */
  const dropIndex = (): void => {
    tally = undefined;
    entries = undefined;
  };
  /** Takes a graph's summary (and entry) away before it is replaced or dropped (else gives them up). */
  const forget = (graph: string): void => {
    if (tally === undefined || !tally.graphs.has(graph)) return;
    const entry = entries?.get(graph);
    const text = kg?.deferredText(graph);
    const summary =
      entry === undefined || text === undefined ? undefined : summaryOfText(graph, text, entry.id, iris.base);
    if (summary === undefined) dropIndex();
    else {
      tally.remove(summary);
      entries?.delete(graph);
    }
  };
  const settings = { base: iris.base, read, agent, summarise: defer };
  // the worker threads start with the first task they get (an up-to-date store needs none)
  let pool: TaskPool | undefined;
  const runTask =
    threads === 1
      ? taskRunner(settings)
      : (task: ArticleTask) => {
          pool ??= new TaskPool(threads, settings);
          return pool.run(task);
        };
  // A file whose key (bytes, name, options, agent) is its graph's in the index is unchanged:
  // known here, without decoding it or handing it to a worker.
  const inputs = new Map<string, string>();
  if (indexUsable) for (const [g, e] of indexed.entries) if (e.input !== undefined) inputs.set(g, e.input);
  const run = (task: ArticleTask): Promise<TaskResult> => {
    const graph = iris.articleGraph(read.id ?? slugOf(task.file));
    const key = inputs.get(graph);
    if (key !== undefined && task.known !== undefined) {
      let bytes: Uint8Array | undefined;
      try {
        bytes = readArticleBytes(task.file);
      } catch {
        bytes = undefined; // the task says what is wrong with it
      }
      if (bytes !== undefined && inputKey(bytes, task.file, settings) === key)
        return Promise.resolve({ kind: "unchanged", file: task.file, graph });
    }
    return runTask(task);
  };
  const tasks = function* (): Generator<ArticleTask> {
    for (const file of files) {
      const fp = known.get(iris.articleGraph(slugOf(file)));
      yield fp === undefined ? { file } : { file, known: fp };
    }
  };

  const writer = new GraphTextWriter(store, { defer });
  const records: WrittenGraphsRecord[] = [];
  const count = { added: 0, changed: 0, unchanged: 0, bad: 0, observations: 0, quads: 0 };
  const written = new Set<string>();
  /** Reference IRIs the graphs written by this build use. */
  const used = new Set<string>();
  try {
    // In flight: enough tasks per thread that the workers keep extracting while this thread
    // loads a batch into the store (~0.2 s per 4 MB); with 4 per thread they waited, and this
    // thread then waited for them: the two took turns and two threads built no faster than one.
    for await (const r of mapInOrder(tasks(), run, threads * TASKS_IN_FLIGHT_PER_THREAD)) {
      const status = statusOf(r, stored, written);
      count[status]++;
      if (r.kind === "bad") {
        const error = badFileError(r);
        if (onBadFile === undefined) throw error;
        onBadFile(error, r.file);
      } else if (r.kind === "graph") {
        if (status === "changed") forget(r.graph);
        // a graph without a summary is loaded (its quads counted by the store)
        await writer.write(
          r.graph,
          r.nquads,
          r.summary === undefined ? undefined : r.quads,
          status === "changed",
          !r.blankNodes,
        );
        if (r.summary === undefined) dropIndex();
        else {
          tally?.add(r.summary);
          entries?.set(r.graph, { fp: r.fingerprint, id: r.id, uses: r.uses, input: r.input });
        }
        written.add(r.graph);
        records.push({ graph: r.graph, article: r.article, at: clock() });
        count.observations += r.observations;
        count.quads += r.quads;
        for (const u of r.uses) used.add(u);
      }
      onArticle?.(r.kind === "bad" ? { file: r.file, status } : { file: r.file, status, graph: r.graph });
    }
    await writer.flush();
  } finally {
    await pool?.close();
  }

  let removed: string[] = [];
  if (prune === true) {
    const inputs = new Set(files.map((f) => iris.articleGraph(slugOf(f))));
    removed = [...stored].filter((g) => !inputs.has(g));
    for (const g of removed) {
      forget(g);
      await store.dropGraph(g);
    }
  }
  onArticlesWritten?.();
  const articlesS = lap();

  const articles = count.added + count.changed + count.unchanged;
  if (articles === 0)
    throw new KgError(
      "E_INPUT_NOT_FOUND",
      `none of the ${files.length} file${files.length === 1 ? "" : "s"} could be read as an article; the store was left as it was.`,
    );
  const timings = { known: knownS, articles: articlesS, reference: 0, finish: 0, save: 0 };
  const result = {
    records,
    articles,
    observations: count.observations,
    added: count.added,
    changed: count.changed,
    unchanged: count.unchanged,
    removed: removed.length,
    bad: count.bad,
    jobs: threads,
  };
  // Nothing added, changed or removed, and no option of the shared graphs given: the store is
  // up to date and left as it was (not even saved).
  const sharedOptions = license !== undefined || allPlaces === true || sparqlEndpoint !== undefined;
  if (count.added + count.changed + removed.length === 0 && !sharedOptions) return { ...result, quads: 0, timings };
  let quads = count.quads;
  // Every article graph of the store written by this build: the graphs' own list of what they
  // use is the whole answer, without a scan of the store; else the store is asked about the
  // candidates only.
  const removedSet = new Set(removed);
  // The index still the store's (not reloaded because another writer saved meanwhile), its
  // entries naming the article graphs the store now holds: the graphs this build did not
  // write use what their entries say.
  const holds = new Set([...stored, ...written].filter((g) => !removedSet.has(g)));
  if (
    (opened !== undefined && kg?.index !== opened) ||
    entries?.size !== holds.size ||
    [...holds].some((g) => entries?.has(g) !== true)
  )
    dropIndex();
  if (entries !== undefined) for (const [g, e] of entries) if (!written.has(g)) for (const u of e.uses) used.add(u);
  const allWritten = entries !== undefined || [...stored].every((g) => written.has(g) || removedSet.has(g));
  quads += await rebuildReference(store, iris, {
    allPlaces: allPlaces === true,
    ...(allWritten ? { used } : { added: used }),
  });
  timings.reference = lap();
  // Links, provenance of this build and the VoID/DCAT description.
  quads += await finishBuild(store, iris, {
    started,
    graphs: records,
    dropped: removed,
    now: clock,
    ...(license === undefined ? {} : { license }),
    ...(sparqlEndpoint === undefined ? {} : { sparqlEndpoint }),
    ...(tally === undefined ? {} : { tally }),
  });
  timings.finish = lap();
  // the index is written when it covers exactly the article graphs the file keeps as text
  const deferred = kg?.deferredGraphs();
  if (
    kg !== undefined &&
    tally?.consistent === true &&
    entries !== undefined &&
    deferred !== undefined &&
    entries.size === deferred.size &&
    [...entries.keys()].every((g) => deferred.has(g))
  )
    await kg.save({ index: storeIndexOf(entries, tally) });
  else await store.save();
  timings.save = lap();
  return { ...result, quads, timings };
}

/**
 * The embedded store's practical ceiling: about 10 M quads (docs: platform notes; loading fails
 * near 14 M). A build expected to pass WARN_QUADS is warned before it starts.
 */
export const WARN_QUADS = 8_000_000;
/** Quads per article of a typical report (~600 measured on generated corpora, text included). */
export const QUADS_PER_ARTICLE = 600;

/** A warning when the embedded store would grow past WARN_QUADS with `newArticles` more articles. */
export function ceilingWarning(store: Store, newArticles: number): string | undefined {
  if (!(store instanceof KgStore)) return undefined;
  const expected = store.size + Math.max(0, newArticles) * QUADS_PER_ARTICLE;
  if (expected < WARN_QUADS) return undefined;
  return (
    `this build may bring the embedded store to ~${(expected / 1e6).toFixed(1)} M quads; about 10 M is its ceiling ` +
    "(loading fails near 14 M). Build into a SPARQL server instead: --store sparql+http://host:port/sparql?gsp=… " +
    '(README: "When one store is not enough").'
  );
}

type WrittenGraphsRecord = WrittenGraphs["records"][number];

/** The read options of a build (what the tasks need, and the bad-file handler that stays here). */
function sourceOptions(options: BuildOptions): SourceOptions {
  const { published, encoding, url, onBadFile } = options;
  return {
    ...(published === undefined ? {} : { published }),
    ...(encoding === undefined ? {} : { encoding }),
    ...(url === undefined ? {} : { url }),
    ...(onBadFile === undefined ? {} : { onBadFile }),
  };
}

function statusOf(r: TaskResult, stored: ReadonlySet<string>, written: ReadonlySet<string>): ArticleStatus {
  if (r.kind === "bad") return "bad";
  if (r.kind === "unchanged") return "unchanged";
  return stored.has(r.graph) || written.has(r.graph) ? "changed" : "added";
}
