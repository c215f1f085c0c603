/** `article-kg serve`: the SPARQL endpoint, linked data and the web page over HTTP. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { KgError } from "../../errors.js";
import { defaultWorkers, startServer } from "../../serve/server.js";
import { announceServer, STORE_FILE, withdrawServer } from "../../store/index.js";
import { CLIError, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { err } from "../io.js";

export const summary = "SPARQL endpoint, linked data and web page over HTTP";

export const help = `Usage: article-kg serve [options]

Serves the store over HTTP:
  /sparql            SPARQL 1.1 Protocol (GET, POST form, POST application/sparql-query);
                     results as JSON, XML, CSV, TSV; graphs as Turtle, N-Triples, JSON-LD,
                     TriG, N-Quads, RDF/XML (by Accept); the service description on GET
                     without a query
  /store             Graph Store Protocol (?graph=IRI or ?default)
  /                  web page: named queries, results, downloads, place search
  /place/610700 …    every IRI under --base, as a page (browsers) or as RDF (by Accept)

Each query runs in a worker thread with a time limit; a query past it is stopped and its
worker reloads the store, while the others keep answering. Read-only unless --allow-update
is given together with --token (clients send "Authorization: Bearer TOKEN"). One access-log
line per request goes to stderr.

Options:
  --store DIR        store directory (default ${DEFAULT_STORE})
  --port N           port (default 7878; 0 picks a free one)
  --host HOST        address to listen on (default 127.0.0.1)
  --base IRI         base of the entity IRIs (default https://w3id.org/article-kg/)
  --timeout MS       time limit of a query in milliseconds (default 5000)
  --max-memory MB    memory budget of queries and updates in MiB (default 1024): when the
                     server has grown this much over its start, the job that grew it is
                     stopped with 503 E_MEMORY, and so is one whose worker heap passes it
  --workers N        query worker threads, each with a copy of the store (default ${defaultWorkers()})
  --max-body BYTES   largest request body (default 1048576; larger is refused with 413)
  --allow-update     accept SPARQL Update and Graph Store writes (needs --token)
  --token T          bearer token for writes (or the environment variable ARTICLE_KG_TOKEN)
  -h, --help         show this help
`;

function intOption(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new CLIError(`--${name} must be an integer ≥ ${min}; got "${value}".`);
  return n;
}

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    store: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    base: { type: "string" },
    timeout: { type: "string" },
    workers: { type: "string" },
    "max-body": { type: "string" },
    "max-memory": { type: "string" },
    "allow-update": { type: "boolean" },
    token: { type: "string" },
  });
  if (positionals.length > 0) throw new CLIError(`serve takes no arguments; got "${positionals[0]}".`);
  const dir = values.store ?? DEFAULT_STORE;
  const allowUpdate = values["allow-update"] === true;
  const token = values.token ?? process.env.ARTICLE_KG_TOKEN;
  if (allowUpdate && (token === undefined || token === ""))
    throw new CLIError("--allow-update needs --token T (or ARTICLE_KG_TOKEN): writes are never open to anyone.");
  const base = irisOf(values.base).base;
  const port = intOption("port", values.port, 7878, 0);
  const timeoutMs = intOption("timeout", values.timeout, 5000, 1);
  const workers = intOption("workers", values.workers, defaultWorkers(), 1);
  const bodyLimit = intOption("max-body", values["max-body"], 1 << 20, 1);
  const memoryBudgetMb = intOption("max-memory", values["max-memory"], 1024, 16);
  if (!allowUpdate && !existsSync(join(dir, STORE_FILE)))
    throw new KgError("E_STORE", `no store in ${dir} (run "article-kg build PATH --store ${dir}" first).`);
  const server = await startServer({
    storeDir: dir,
    port,
    host: values.host ?? "127.0.0.1",
    base,
    timeoutMs,
    workers,
    bodyLimit,
    memoryBudgetMb,
    allowUpdate,
    ...(token === undefined ? {} : { token }),
    // serve.json follows the store file the server holds (see src/store/served.ts)
    onSaved: () => announce(),
  });
  const announce = () => {
    try {
      announceServer(dir, { url: server.url, pid: process.pid, base });
    } catch (e) {
      err(`article-kg: cannot write ${dir}/serve.json (${(e as Error).message}); "query" will load the store itself.`);
    }
  };
  const withdraw = () => {
    try {
      withdrawServer(dir);
    } catch {
      // a missing directory or file: nothing to withdraw
    }
  };
  announce();
  process.once("exit", withdraw);
  err(
    `article-kg: serving ${dir} at ${server.url}/ (SPARQL: ${server.url}/sparql${allowUpdate ? ", updates allowed" : ", read-only"})`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  withdraw();
  await server.close();
  return 0;
}
