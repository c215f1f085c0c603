/**
 * Linked data: every IRI under the base dereferences on this server by its path
 * (`<base>place/610700` → `GET /place/610700`). Browsers get a page (the place page for
 * places, a table of statements otherwise); other clients get Turtle, JSON-LD, N-Triples …
 * by `Accept`. Fragment IRIs (`…#position`) are described in the document of their base IRI.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { bindTerms, iriTerm, stringTerm } from "../query/bind.js";
import type { ServeContext } from "./context.js";
import { HttpError } from "./errors.js";
import { negotiate, prefersHtml, SERIALISATIONS } from "./negotiate.js";
import { ENTITY_PATH, entityDescribeQuery, knownIriOfPath } from "./program-data.js";
import { sendPage } from "./web-routes.js";

/** The entity IRI a request path stands for. */
export function iriOfPath(base: string, path: string): string {
  return `${base}${path.replace(/^\//u, "")}`;
}

/** The description of an entity: its statements and those of its fragment IRIs, both ways one hop. */
export function describeQuery(iri: string): string {
  return bindTerms(
    `CONSTRUCT { ?entity ?p ?o . ?x ?q ?y . ?in ?r ?entity } WHERE {
  { ?entity ?p ?o }
  UNION { ?entity ?p0 ?x . FILTER (isIRI(?x) && STRSTARTS(STR(?x), ?fragments)) ?x ?q ?y }
  UNION { SELECT ?in ?r WHERE { ?in ?r ?entity } LIMIT 500 }
}`,
    { entity: iriTerm(iri), fragments: stringTerm(`${iri}#`) },
  );
}

async function handle(ctx: ServeContext, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const path = req.url.split("?")[0] ?? "/";
  reply.header("vary", "Accept");
  const iri = await knownIriOfPath(ctx, path);
  if (iri === undefined)
    throw new HttpError(404, "E_NOT_FOUND", `nothing is known about ${iriOfPath(ctx.iris.base, path)}`);
  const entity = ENTITY_PATH.test(path);
  if (prefersHtml(req.headers.accept))
    return sendPage(reply, /^\/place\/\d{6}$/u.test(path) ? "place.html" : entity ? "program.html" : "resource.html");
  const format = new URL(req.url, "http://x").searchParams.get("format") ?? undefined;
  const ser = negotiate(SERIALISATIONS.graph, req.headers.accept, format);
  const text = entity ? entityDescribeQuery(iri, ctx.prefixes) : describeQuery(iri);
  const body = await ctx.pool.read({ op: "query", text, format: ser.format, dataset: {} });
  reply.type(ser.contentType).send(body);
}

/** Registers the catch-all GET route for entity paths (after every other route). */
export function linkedDataRoute(app: FastifyInstance, ctx: ServeContext): void {
  app.get("/*", (req, reply) => handle(ctx, req, reply));
}
