/**
 * SPARQL 1.1 Graph Store HTTP Protocol at `/store` (indirect graph identification):
 * `?graph=IRI` or `?default`. GET/HEAD read; PUT (replace), POST (add) and DELETE write,
 * and only with `--allow-update` and the bearer token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { KgError } from "../errors.js";
import { bindTerms, iriTerm, isAbsoluteIri } from "../query/bind.js";
import { FORMAT_INFO, type RdfMediaType, READ_FORMATS, storeMediaTypeOf } from "../rdf/formats.js";
import { checkWrite } from "./auth.js";
import type { ServeContext } from "./context.js";
import type { Job } from "./jobs.js";
import { negotiate, SERIALISATIONS } from "./negotiate.js";
import { withCanonicalTags } from "./rdf-documents.js";
import { ask } from "./select.js";

/** Path of the graph store. */
export const GRAPH_STORE_PATH = "/store";

/** Media types of a request body (one graph: the triple formats the store loads) → what to load it as. */
const BODY_TYPES: ReadonlyMap<string, RdfMediaType> = new Map(
  READ_FORMATS.flatMap((f) => {
    const mediaType = storeMediaTypeOf(f);
    return mediaType === undefined || FORMAT_INFO[f].graphs
      ? []
      : FORMAT_INFO[f].accepts.map((t) => [t, mediaType] as const);
  }),
);

function targetOf(req: FastifyRequest): string | null {
  const params = new URL(req.url, "http://store").searchParams;
  const graph = params.getAll("graph");
  if (graph.length === 1 && !params.has("default")) {
    const g = graph[0] as string;
    if (!isAbsoluteIri(g)) throw new KgError("E_BAD_REQUEST", `graph must be an absolute IRI; got "${g}"`);
    return g;
  }
  if (graph.length === 0 && params.has("default")) return null;
  throw new KgError("E_BAD_REQUEST", 'name exactly one graph: "?graph=IRI" or "?default"');
}

async function exists(ctx: ServeContext, graph: string | null): Promise<boolean> {
  return graph === null ? true : ask(ctx, bindTerms("ASK { GRAPH ?graph { ?s ?p ?o } }", { graph: iriTerm(graph) }));
}

async function handle(ctx: ServeContext, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const graph = targetOf(req);
  if (req.method === "GET" || req.method === "HEAD") {
    const ser = negotiate(SERIALISATIONS.graph, req.headers.accept);
    if (!(await exists(ctx, graph))) throw new KgError("E_NOT_FOUND", `no graph ${graph}`);
    const text =
      graph === null
        ? "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        : bindTerms("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?graph { ?s ?p ?o } }", { graph: iriTerm(graph) });
    const body = await ctx.pool.read({
      op: "query",
      text,
      format: ser.format,
      // The real default graph, not the union of the named graphs.
      dataset: graph === null ? { defaultGraphs: [] } : {},
    });
    reply.header("vary", "Accept").type(ser.contentType).send(withCanonicalTags(body, ser.format));
    return;
  }
  checkWrite(ctx.access, req.headers.authorization);
  const jobs: Job[] = [];
  if (req.method === "DELETE") {
    if (!(await exists(ctx, graph))) throw new KgError("E_NOT_FOUND", `no graph ${graph}`);
    jobs.push({ op: "drop", graph });
  } else {
    const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    const mediaType = BODY_TYPES.get(type);
    if (mediaType === undefined)
      throw new KgError("E_MEDIA_TYPE", `send Turtle, N-Triples or RDF/XML; got ${type || "no Content-Type"}`);
    const created = !(await exists(ctx, graph));
    if (req.method === "PUT") jobs.push({ op: "drop", graph });
    jobs.push({ op: "load", text: typeof req.body === "string" ? req.body : "", mediaType, graph });
    await ctx.pool.write(jobs);
    reply.code(created && graph !== null ? 201 : 204).send();
    return;
  }
  await ctx.pool.write(jobs);
  reply.code(204).send();
}

/** Registers the graph store routes. */
export function graphStoreRoute(app: FastifyInstance, ctx: ServeContext): void {
  app.route({
    method: ["GET", "HEAD", "PUT", "POST", "DELETE"],
    url: GRAPH_STORE_PATH,
    handler: (req, reply) => handle(ctx, req, reply),
  });
}
