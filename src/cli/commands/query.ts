/** `article-kg query QUERY|FILE.rq|NAME`: runs SPARQL against the store (union of all graphs). */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { KgError } from "../../errors.js";
import { formatResult, RESULT_FORMATS, withCanonicalLang } from "../../query/index.js";
import {
  bindParameters,
  listNamedQueries,
  type NamedQueryInfo,
  namedQueryFile,
  paramsOf,
  parseParamOptions,
} from "../../query/named.js";
import { formatOfFile, READ_FORMATS } from "../../rdf/formats.js";
import { prefixesFor } from "../../rdf/prefixes.js";
import { isRemoteStore } from "../../store/remote-url.js";
import type { QueryResult } from "../../store/result.js";
import { CLIError, choice, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { out } from "../io.js";
import { queryStoreDir } from "../query-backend.js";

export const summary = "run a SPARQL query against the store";

function namedList(queries: readonly NamedQueryInfo[]): string {
  const width = Math.max(0, ...queries.map((q) => q.name.length));
  return queries
    .map((q) => {
      const params = q.params.map(
        (p) =>
          `\n  ${" ".repeat(width)}    --param ${p.name}=${p.type.toUpperCase().replaceAll(" ", "_")}${p.default !== undefined ? ` (default ${p.default})` : p.optional ? " (optional)" : " (required)"}`,
      );
      return `  ${q.name.padEnd(width)}  ${q.title}${params.join("")}`;
    })
    .join("\n");
}

export const help = `Usage: article-kg query QUERY|FILE.rq|NAME [options]

Runs a SPARQL query over the union of all graphs (no GRAPH clause needed). The project's
prefixes (qb:, kg:, skos:, sdmx-dimension:, …) are predeclared. CONSTRUCT and DESCRIBE
print Turtle. NAME is one of the named queries below (queries/NAME.rq); their parameters
are bound as typed values (never pasted into the text).

Named queries:
${namedList(listNamedQueries())}

Options:
  --param NAME=VALUE  a parameter of a named query or .rq file (repeatable)
  --store DIR|URL     store directory (default ${DEFAULT_STORE}) or sparql+http://… server
  --data FILE         query an RDF file instead of a store (Turtle, TriG, N-Triples, N-Quads,
                      JSON-LD, RDF/XML, by extension; repeatable); nothing is written
  --data-format FMT   format of the --data files: ${READ_FORMATS.join(", ")}
  --format FORMAT     table (default), csv, tsv, json
  --base IRI          base of the kg: prefix (default https://w3id.org/article-kg/)
  --timeout MS        stop the query after MS milliseconds (loading the store is not
                      counted): one line on stderr and exit code 124
  --no-server         load the store here even when "article-kg serve" is running on it
  -h, --help          show this help

When "article-kg serve" runs on the same store directory (it leaves serve.json there), the
query is sent to it instead of loading the store again: a repeated query answers in the time
of the query. A server that is gone, serves another --base, or holds an older copy of the
store (rebuilt since it started) is not used.

Exit codes: 0 done, 1 bad input or store, 2 usage or SPARQL syntax, 124 past --timeout.

Examples:
  article-kg query facts-by-place --param place=610700
  article-kg query --data out/graph.ttl 'SELECT (COUNT(*) AS ?n) WHERE { ?o a qb:Observation }'
`;

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    store: { type: "string" },
    format: { type: "string" },
    base: { type: "string" },
    param: { type: "string", multiple: true },
    data: { type: "string", multiple: true },
    "data-format": { type: "string" },
    timeout: { type: "string" },
    "no-server": { type: "boolean" },
  });
  const format = choice("format", values.format, RESULT_FORMATS, "table");
  const iris = irisOf(values.base);
  const prefixes = prefixesFor(iris);
  const timeoutMs = timeoutOption(values.timeout);
  if (positionals.length !== 1) throw new CLIError("query expects one QUERY text, FILE.rq or named query.");
  const arg = positionals[0] as string;
  const given = parseParamOptions(values.param ?? []);
  const { text, source } = await queryText(arg);
  const sparql =
    source === undefined ? bindAdHoc(text, given) : bindParameters(text, paramsOf(text, source), given, prefixes);
  const canonical = withCanonicalLang(sparql, prefixes);
  const spec = values.store ?? DEFAULT_STORE;
  let result: QueryResult;
  if (values.data) {
    if (timeoutMs !== undefined) throw new CLIError("--timeout applies to a store, not to --data files.");
    result = (await dataStore(values.data, values["data-format"], values.store)).query(canonical, { prefixes });
  } else if (isRemoteStore(spec)) {
    const { openStore } = await import("../../store/open.js");
    result = await (await openStore(spec)).query(canonical, { prefixes });
  } else {
    const options = { prefixes, base: iris.base, useServer: values["no-server"] !== true };
    result = (await queryStoreDir(spec, canonical, timeoutMs === undefined ? options : { ...options, timeoutMs }))
      .result;
  }
  await out(await formatResult(result, format, prefixes));
  return 0;
}

function timeoutOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/u.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new CLIError(`--timeout must be a whole number of milliseconds ≥ 1; got "${value}".`);
  return n;
}

/** An in-memory store of RDF files (named graphs kept). */
async function dataStore(files: readonly string[], format: string | undefined, store: string | undefined) {
  if (store !== undefined) throw new CLIError("give either --data FILE or --store, not both.");
  if (format !== undefined && !(READ_FORMATS as readonly string[]).includes(format))
    throw new CLIError(`--data-format must be one of ${READ_FORMATS.join(", ")}; got "${format}".`);
  const { KgStore } = await import("../../store/kg-store.js");
  const { readRdfFile } = await import("../../import/read.js");
  const memory = KgStore.memory();
  for (const file of files) {
    if (format === undefined && formatOfFile(file) === undefined)
      throw new CLIError(`${file}: cannot tell the RDF format from the file name; give --data-format.`);
    memory.loadQuads(await readRdfFile(file, format));
  }
  return memory;
}

function bindAdHoc(text: string, given: Readonly<Record<string, string>>): string {
  if (Object.keys(given).length > 0)
    throw new CLIError("--param applies to a named query or a .rq file that declares parameters.");
  return text;
}

/** The query text, and the file it came from (undefined for text given on the command line). */
async function queryText(arg: string): Promise<{ text: string; source?: string }> {
  const named = namedQueryFile(arg);
  const looksLikeFile = /\.(rq|sparql)$/iu.test(arg) && !/\s/u.test(arg);
  const file = named ?? (looksLikeFile || (!/\s/u.test(arg) && existsSync(arg)) ? arg : undefined);
  if (file === undefined) {
    if (/^[a-z0-9][a-z0-9-]*$/u.test(arg))
      throw new CLIError(
        `"${arg}" is neither a named query nor a file; named queries: ${listNamedQueries()
          .map((q) => q.name)
          .join(", ")}.`,
      );
    return { text: arg };
  }
  try {
    return { text: await readFile(file, "utf8"), source: file };
  } catch (e) {
    throw new KgError("E_INPUT_NOT_FOUND", `${arg}: cannot read the query file.`, {
      context: { file: arg },
      cause: e,
    });
  }
}
