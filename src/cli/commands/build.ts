/** `article-kg build PATH...`: ingests articles into the store, each article's graph replaced, saved atomically. */
import { join } from "node:path";
import { checkDate } from "../../article/read.js";
import { type BuildResult, type BuildTimings, buildStore } from "../../build/build.js";
import { openForBuild } from "../../build/open.js";
import { articleFileList } from "../../build/sources.js";
import { buildSummary } from "../../build/summary.js";
import { defaultJobs, MIN_FILES_PER_WORKER } from "../../build/workers.js";
import type { KgError } from "../../errors.js";
import { toTable } from "../../query/index.js";
import { prefixesFor } from "../../rdf/prefixes.js";
import { isRemoteStore, parseRemoteStore, type Row, redact, STORE_FILE } from "../../store/index.js";
import { absoluteIri, CLIError, DEFAULT_STORE, encodingOption, irisOf, parse } from "../args.js";
import { err, out } from "../io.js";
import { Progress } from "../progress.js";

/** Exit code of a build that stored the good articles and skipped bad files. */
export const EXIT_SKIPPED = 3;

/** Rows of the summary table printed without --all. */
const SUMMARY_ROWS = 40;

export const summary = "ingest article files or folders into the store";

export const help = `Usage: article-kg build PATH... [options]

Reads every *.txt, *.html and *.htm file under the given files or folders (recursively; a
saved web page is reduced to its article text: title, dateline, body), extracts its facts and
stores each article in its own named graph (replacing an earlier build of the same article),
then saves the store atomically. Articles are extracted on every core (worker threads) and
written in input order, so the store does not depend on --jobs. The build is incremental: an
article whose text, source and date are those of its stored graph (built by this version) is
skipped without extracting it; a changed one has its graph replaced. An article graph whose
file is no longer among the inputs stays, unless --prune. When nothing was added, changed or
removed and no --license or --all-places is given, the store is left as it was. A file that cannot be read as an article (empty, binary,
undecodable, unreadable) is reported on stderr, one line each, and skipped: the good ones are
stored and the exit code is 3. With --strict the first bad file stops the build (exit 1) and
the saved store stays as it was; so does a build in which no file could be read.

Options:
  --store DIR|URL          store directory (default ${DEFAULT_STORE}), or a SPARQL server:
                           sparql+http://[user:pass@]host:port/path?gsp=PATH (docs/remote-store.md)
  --base IRI               base of the minted IRIs (default https://w3id.org/article-kg/)
  --published YYYY-MM-DD   publication date for every article (else found in each header)
  --source-url URL         the article's URL, its dcterms:source (one article only; else
                           the source is urn:sha256:… of the text, never a local path)
  --encoding NAME          encoding of every file (utf-8, gb18030, gbk, big5, utf-16le,
                           utf-16be); default: detected per file
  --license IRI            licence of the published dataset in its VoID/DCAT description
                           (default https://creativecommons.org/licenses/by/4.0/)
  --jobs N                 threads that extract (default: one per core, one for fewer than
                           ${2 * MIN_FILES_PER_WORKER} files); --jobs 1 runs in this thread
  --prune                  drop the article graphs whose file is not among the inputs
  --full                   re-extract every article, even an unchanged one
  --strict                 stop at the first bad file instead of skipping it
  --summary                also print a table of results (place, indicator, period, value, unit):
                           the first ${SUMMARY_ROWS} rows, and how many were left out
  --all                    with --summary: print every row
  --all-places             put the whole place code list (~3,200 GB/T 2260 divisions) in the
                           reference graph, not only the places used and their ancestors
  -h, --help               show this help

Environment: SOURCE_DATE_EPOCH (seconds since 1970) fixes the time stamped in the provenance and
description, so the same inputs give the same store byte for byte (reproducible builds).
`;

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    store: { type: "string" },
    base: { type: "string" },
    published: { type: "string" },
    encoding: { type: "string" },
    summary: { type: "boolean" },
    strict: { type: "boolean" },
    all: { type: "boolean" },
    license: { type: "string" },
    "source-url": { type: "string" },
    "all-places": { type: "boolean" },
    jobs: { type: "string" },
    prune: { type: "boolean" },
    full: { type: "boolean" },
  });
  if (positionals.length === 0) throw new CLIError("build expects at least one file or folder of articles.");
  if (values.all && !values.summary) throw new CLIError("--all goes with --summary.");
  const ir = irisOf(values.base);
  const license = values.license === undefined ? undefined : absoluteIri("license", values.license);
  const readOptions = {
    ...(values.published === undefined ? {} : { published: checkDate(values.published) }),
    ...(values.encoding === undefined ? {} : { encoding: encodingOption(values.encoding) }),
  };
  const url = values["source-url"] === undefined ? undefined : absoluteIri("source-url", values["source-url"]);
  const dir = values.store ?? DEFAULT_STORE;
  const started = performance.now();

  const files = await articleFileList(positionals);
  if (url !== undefined && files.length > 1)
    throw new CLIError(`--source-url names one article; got ${files.length} files (build them one at a time).`);

  const jobs = values.jobs === undefined ? defaultJobs(files.length) : jobsOption(values.jobs);
  const opening = performance.now();
  const store = await openForBuild(dir);
  const openS = (performance.now() - opening) / 1000;
  const progress = new Progress(files.length);
  const bad: string[] = [];
  let result: BuildResult;
  try {
    result = await buildStore(store, files, {
      iris: ir,
      jobs,
      incremental: values.full !== true,
      onWarning: (message) => err(`article-kg: warning: ${message}`),
      prune: values.prune === true,
      ...sourceDateEpoch(),
      ...readOptions,
      ...(url === undefined ? {} : { url }),
      ...(values.strict === true
        ? {}
        : {
            onBadFile: (e: KgError, file: string) => {
              bad.push(file);
              progress.done();
              err(`article-kg: skipped ${e.message.startsWith(file) ? e.message : `${file}: ${e.message}`}`);
              progress.tick(file);
            },
          }),
      onArticle: (a) => {
        if (a.status !== "bad") progress.tick(a.file);
      },
      onArticlesWritten: () => progress.done(),
      allPlaces: values["all-places"] === true,
      ...(license === undefined ? {} : { license }),
      ...(isRemoteStore(dir) ? { sparqlEndpoint: parseRemoteStore(dir).query } : {}),
    });
  } finally {
    progress.done();
  }
  const { articles, observations, quads } = result;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  await out(
    `Built ${articles} article${articles === 1 ? "" : "s"}: ${observations} observations, ${quads} quads written ` +
      `(store: ${await store.countQuads()} quads) in ${seconds} s → ${isRemoteStore(dir) ? redact(dir) : join(dir, STORE_FILE)}\n` +
      `  ${result.added} added, ${result.changed} changed, ${result.unchanged} unchanged (skipped), ${result.removed} removed` +
      ` (${result.jobs} thread${result.jobs === 1 ? "" : "s"}; saved in ${result.timings.save.toFixed(1)} s)\n` +
      `  time: ${phaseTimes(openS, result.timings)}\n`,
  );
  if (values.summary) {
    const table = await buildSummary(store, ir);
    if (table !== undefined) await out(summaryTable(table.variables, table.rows, prefixesFor(ir), values.all));
  }
  if (observations === 0 && result.added + result.changed > 0)
    err("note: no observations were found (is the extractor still a stub?).");
  if (bad.length > 0) {
    err(
      `article-kg: ${bad.length} bad file${bad.length === 1 ? "" : "s"} skipped (see above; --strict stops at the first).`,
    );
    return EXIT_SKIPPED;
  }
  return 0;
}

/** The value of --jobs: a whole number from 1. */
function jobsOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CLIError(`--jobs expects a whole number from 1, got "${value}".`);
  return n;
}

/** The summary table: every row with `all`, else the first SUMMARY_ROWS and a line saying how many were left out. */
export function summaryTable(
  variables: readonly string[],
  rows: readonly Row[],
  prefixes: Readonly<Record<string, string>>,
  all = false,
): string {
  if (all || rows.length <= SUMMARY_ROWS) return toTable(variables, rows, prefixes);
  const left = rows.length - SUMMARY_ROWS;
  const table = toTable(variables, rows.slice(0, SUMMARY_ROWS), prefixes).replace(
    /\(\d+ rows?\)\n$/u,
    `(${SUMMARY_ROWS} of ${rows.length} rows shown)\n`,
  );
  return `${table}… ${left} more row${left === 1 ? "" : "s"} left out: add --all to see them, or query the store.\n`;
}

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org): a fixed time for the provenance and description
 * of the build, so that the same inputs give the same store byte for byte.
 */
function sourceDateEpoch(): { now?: () => Date } {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === "") return {};
  if (!/^\d+$/u.test(raw)) throw new CLIError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${raw}"`);
  const at = new Date(Number(raw) * 1000);
  return { now: () => at };
}

/** Where the time of a build went, for the summary: what grows with the store shows. */
function phaseTimes(openS: number, t: BuildTimings): string {
  const s = (x: number) => `${x.toFixed(1)} s`;
  return [
    `store opened ${s(openS)}`,
    `fingerprints ${s(t.known)}`,
    `articles ${s(t.articles)}`,
    `reference graph ${s(t.reference)}`,
    `links, provenance and description ${s(t.finish)}`,
    `save ${s(t.save)}`,
  ].join(", ");
}
