/** `article-kg query QUERY|FILE.rq`: runs SPARQL against the store (union of all graphs). */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { KgError } from "../../errors.js";
import { formatResult, RESULT_FORMATS } from "../../query/index.js";
import { prefixesFor } from "../../rdf/prefixes.js";
import { isRemoteStore, openStore } from "../../store/index.js";
import { CLIError, choice, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { out } from "../io.js";
import { openExisting } from "./store.js";

export const summary = "run a SPARQL query against the store";

export const help = `Usage: article-kg query QUERY|FILE.rq [options]

Runs a SPARQL query over the union of all graphs (no GRAPH clause needed). The project's
prefixes (qb:, kg:, skos:, sdmx-dimension:, …) are predeclared. CONSTRUCT and DESCRIBE
print Turtle.

Options:
  --store DIR|URL   store directory (default ${DEFAULT_STORE}) or sparql+http://… server
  --format FORMAT   table (default), csv, tsv, json
  --base IRI        base of the kg: prefix (default https://w3id.org/article-kg/)
  -h, --help        show this help
`;

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    store: { type: "string" },
    format: { type: "string" },
    base: { type: "string" },
  });
  const format = choice("format", values.format, RESULT_FORMATS, "table");
  const prefixes = prefixesFor(irisOf(values.base));
  if (positionals.length !== 1) throw new CLIError("query expects one QUERY text or FILE.rq.");
  const arg = positionals[0] as string;
  const sparql = await queryText(arg);
  const spec = values.store ?? DEFAULT_STORE;
  const store = isRemoteStore(spec) ? await openStore(spec) : await openExisting(spec);
  const result = await store.query(sparql, { prefixes });
  await out(await formatResult(result, format, prefixes));
  return 0;
}

async function queryText(arg: string): Promise<string> {
  const looksLikeFile = /\.(rq|sparql)$/iu.test(arg) && !/\s/u.test(arg);
  if (looksLikeFile || (!/\s/u.test(arg) && existsSync(arg))) {
    try {
      return await readFile(arg, "utf8");
    } catch (e) {
      throw new KgError("E_INPUT_NOT_FOUND", `${arg}: cannot read the query file.`, {
        context: { file: arg },
        cause: e,
      });
    }
  }
  return arg;
}
