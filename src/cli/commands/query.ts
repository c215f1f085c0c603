/** `article-kg query QUERY|FILE.rq|NAME`: runs SPARQL against the store (union of all graphs). */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { KgError } from "../../errors.js";
import { formatOfFile, READ_FORMATS } from "../../export/index.js";
import { readRdfFile } from "../../import/read.js";
import { formatResult, RESULT_FORMATS, withCanonicalLang } from "../../query/index.js";
import {
  bindParameters,
  listNamedQueries,
  type NamedQueryInfo,
  namedQueryFile,
  paramsOf,
  parseParamOptions,
} from "../../query/named.js";
import { prefixesFor } from "../../rdf/prefixes.js";
import { isRemoteStore, KgStore, openStore, type Store } from "../../store/index.js";
import { CLIError, choice, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { out } from "../io.js";
import { openExisting } from "./store.js";

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
  -h, --help          show this help

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
  });
  const format = choice("format", values.format, RESULT_FORMATS, "table");
  const prefixes = prefixesFor(irisOf(values.base));
  if (positionals.length !== 1) throw new CLIError("query expects one QUERY text, FILE.rq or named query.");
  const arg = positionals[0] as string;
  const given = parseParamOptions(values.param ?? []);
  const { text, source } = await queryText(arg);
  const sparql =
    source === undefined ? bindAdHoc(text, given) : bindParameters(text, paramsOf(text, source), given, prefixes);
  const store = values.data
    ? await dataStore(values.data, values["data-format"], values.store)
    : await storeOf(values.store ?? DEFAULT_STORE);
  const result = await store.query(withCanonicalLang(sparql, prefixes), { prefixes });
  await out(await formatResult(result, format, prefixes));
  return 0;
}

async function storeOf(spec: string): Promise<Store> {
  return isRemoteStore(spec) ? openStore(spec) : openExisting(spec);
}

/** An in-memory store of RDF files (named graphs kept). */
async function dataStore(files: readonly string[], format: string | undefined, store: string | undefined) {
  if (store !== undefined) throw new CLIError("give either --data FILE or --store, not both.");
  if (format !== undefined && !(READ_FORMATS as readonly string[]).includes(format))
    throw new CLIError(`--data-format must be one of ${READ_FORMATS.join(", ")}; got "${format}".`);
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
