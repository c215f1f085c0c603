/**
 * The web page: static files of `web/` (no build step), chart.js from node_modules (no CDN),
 * and the JSON API the page uses (named queries, place search, place data).
 */
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";
import { KgError } from "../errors.js";
import { bindParameters, namedQueryFile, paramsOf } from "../query/named.js";
import type { ServeContext } from "./context.js";
import { readNamedQueries } from "./named-queries.js";
import { placeData, searchPlaces } from "./place-data.js";
import { ENTITY_PATH, knownIriOfPath, programData } from "./program-data.js";
import { resourceData } from "./resource-data.js";

/** Directory of the page's files. */
export const WEB_DIR = new URL("./web/", import.meta.url).pathname;

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

const CHART_JS = join(dirname(createRequire(import.meta.url).resolve("chart.js")), "chart.umd.js");

/** Files that may be served, by URL path under /assets/. */
const ASSETS = new Map<string, string>([
  ...readdirSync(WEB_DIR).map((f) => [f, join(WEB_DIR, f)] as const),
  ["chart.umd.js", CHART_JS],
]);

async function sendFile(reply: FastifyReply, file: string): Promise<void> {
  const body = await readFile(file);
  reply
    .type(TYPES[extname(file)] ?? "application/octet-stream")
    .header("cache-control", "no-cache")
    .send(body);
}

/** Sends one of the pages (`index.html`, `place.html`, `resource.html`). */
export function sendPage(reply: FastifyReply, page: string): Promise<void> {
  const file = ASSETS.get(page);
  if (file === undefined) throw new KgError("E_NOT_FOUND", `no page ${page}`);
  return sendFile(reply.header("vary", "Accept"), file);
}

/** Registers the page, its assets and its API. */
export function webRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get("/", (_req, reply) => sendPage(reply, "index.html"));
  app.get<{ Params: { name: string } }>("/assets/:name", (req, reply) => {
    const file = ASSETS.get(req.params.name);
    if (file === undefined) throw new KgError("E_NOT_FOUND", `no asset ${req.params.name}`);
    return sendFile(reply, file);
  });
  app.get("/api/queries", async () => readNamedQueries());
  // A named query run with its typed parameters (?place=610700&indicator=…): each value is
  // checked against its type and bound through the parsed query (src/query/named.ts), never
  // pasted into the text; a bad value is a 400. Answers SPARQL JSON results.
  app.get<{ Params: { name: string }; Querystring: Record<string, string | string[]> }>(
    "/api/queries/:name",
    async (req, reply) => {
      const file = namedQueryFile(req.params.name);
      if (file === undefined) throw new KgError("E_NOT_FOUND", `no named query ${req.params.name}`);
      const given: Record<string, string> = Object.create(null); // a parameter named __proto__ is just a name
      for (const [k, v] of Object.entries(req.query ?? {})) {
        if (Array.isArray(v)) throw new KgError("E_BAD_REQUEST", `parameter ${k} is given more than once`);
        given[k] = v;
      }
      const text = await readFile(file, "utf8");
      const query = bindParameters(text, paramsOf(text, file), given, ctx.prefixes);
      const body = await ctx.pool.read({ op: "query", text: query, format: "json", dataset: {} });
      reply.type("application/sparql-results+json").send(body);
    },
  );
  app.get<{ Querystring: { q?: string } }>("/api/search", async (req) => searchPlaces(ctx, req.query.q ?? ""));
  app.get<{ Params: { code: string } }>("/api/place/:code", async (req) => placeData(ctx, req.params.code));
  // a resource page's statements with labels and links (/observation/dingxi-2021/1, /ontology)
  app.get<{ Querystring: { path?: string } }>("/api/resource", async (req) => resourceData(ctx, req.query.path ?? ""));
  // a program's or organisation's page data, by the path of its IRI (/program/relocation)
  app.get<{ Querystring: { path?: string } }>("/api/entity", async (req) => {
    const path = req.query.path ?? "";
    const iri = ENTITY_PATH.test(path) ? await knownIriOfPath(ctx, path) : undefined;
    if (iri === undefined) throw new KgError("E_NOT_FOUND", `no program or organisation at ${path}`);
    return programData(ctx, iri);
  });
}
