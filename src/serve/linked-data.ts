/**
 * Linked data: every IRI under the base dereferences on this server by its path
 * (`<base>place/610700` → `GET /place/610700`). Browsers get a page (the place page for
 * places, a table of statements otherwise); other clients get Turtle, JSON-LD, N-Triples …
 * by `Accept`. Fragment IRIs (`…#position`) are described in the document of their base IRI;
 * so the `kg:` terms (`<base>ontology#indicator`) are described by `GET /ontology`. Documents
 * are written here from the store's triples: Turtle with prefixes, tags in BCP 47 case.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { KgError } from "../errors.js";
import type { ServeContext } from "./context.js";
import { describeText } from "./describe-query.js";
import { negotiate, prefersHtml, SERIALISATIONS } from "./negotiate.js";
import { ONTOLOGY_PATH, ontologyFor } from "./ontology.js";
import { ENTITY_PATH, knownIriOfPath } from "./program-data.js";
import { parseNTriples, writeGraph } from "./rdf-documents.js";
import { sendPage } from "./web-routes.js";

/** The entity IRI a request path stands for. */
export function iriOfPath(base: string, path: string): string {
  return `${base}${path.replace(/^\//u, "")}`;
}

async function handle(ctx: ServeContext, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const path = req.url.split("?")[0] ?? "/";
  reply.header("vary", "Accept");
  const iri = await knownIriOfPath(ctx, path);
  if (iri === undefined) throw new KgError("E_NOT_FOUND", `nothing is known about ${iriOfPath(ctx.iris.base, path)}`);
  const entity = ENTITY_PATH.test(path);
  if (prefersHtml(req.headers.accept))
    return sendPage(reply, /^\/place\/\d{6}$/u.test(path) ? "place.html" : entity ? "program.html" : "resource.html");
  const ser = negotiate(SERIALISATIONS.graph, req.headers.accept, formatParam(req));
  const quads = parseNTriples(
    await ctx.pool.read({ op: "query", text: describeText(iri, path, ctx.prefixes), format: "nt", dataset: {} }),
  );
  reply.type(ser.contentType).send(await writeGraph(quads, ser, ctx.prefixes));
}

const formatParam = (req: FastifyRequest) => new URL(req.url, "http://x").searchParams.get("format") ?? undefined;

/** `GET /ontology`: the page for browsers, else the ontology in the negotiated format. */
async function ontology(ctx: ServeContext, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header("vary", "Accept");
  if (prefersHtml(req.headers.accept)) return sendPage(reply, "resource.html");
  const ser = negotiate(SERIALISATIONS.graph, req.headers.accept, formatParam(req));
  const o = ontologyFor(ctx.iris.base);
  reply.type(ser.contentType).send(ser.format === "ttl" ? o.turtle : await writeGraph(o.quads, ser, ctx.prefixes));
}

/** Registers the catch-all GET route for entity paths (after every other route). */
export function linkedDataRoute(app: FastifyInstance, ctx: ServeContext): void {
  app.get(ONTOLOGY_PATH, (req, reply) => ontology(ctx, req, reply));
  app.get("/*", (req, reply) => handle(ctx, req, reply));
}
