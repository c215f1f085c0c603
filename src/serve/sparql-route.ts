/** The SPARQL 1.1 Protocol endpoint `/sparql`: queries, updates and the service description. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { KgError } from "../errors.js";
import { withCanonicalLang } from "../query/index.js";
import { checkWrite } from "./auth.js";
import type { ServeContext } from "./context.js";
import { describeService, serialiseDescription } from "./description.js";
import { negotiate, prefersHtml, type ResultKind, SERIALISATIONS } from "./negotiate.js";
import { applyUsing, parseOperation, queryForm } from "./protocol.js";
import { withCanonicalTags } from "./rdf-documents.js";
import { sendPage } from "./web-routes.js";

/** The path of the endpoint. */
export const ENDPOINT_PATH = "/sparql";

/** Absolute URL of a path on this server, as the client addressed it. */
export function urlOf(req: FastifyRequest, path: string): string {
  return `${req.protocol}://${req.host}${path}`;
}

function kindOf(form: string): ResultKind {
  return form === "SELECT" ? "bindings" : form === "ASK" ? "boolean" : "graph";
}

async function handle(ctx: ServeContext, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const op = parseOperation({
    method: req.method,
    url: req.url,
    contentType: req.headers["content-type"],
    body: typeof req.body === "string" ? req.body : undefined,
  });
  const endpoint = urlOf(req, ENDPOINT_PATH);
  reply.header("vary", "Accept");
  if (op.kind === "description") {
    if (op.format === undefined && prefersHtml(req.headers.accept)) return sendPage(reply, "index.html");
    const ser = negotiate(SERIALISATIONS.graph.slice(0, 3), req.headers.accept, op.format);
    const turtle = describeService(endpoint, {
      allowUpdate: ctx.access.allowUpdate,
      graphStore: urlOf(req, "/store"),
    });
    reply.type(ser.contentType).send(await serialiseDescription(turtle, ser));
    return;
  }
  if (op.kind === "update") {
    checkWrite(ctx.access, req.headers.authorization);
    if (queryForm(op.text, ctx.prefixes, endpoint) !== "UPDATE")
      throw new KgError("E_BAD_REQUEST", 'this is a query: send it as "query", not "update"');
    const text = applyUsing(op.text, op.using, ctx.prefixes, endpoint);
    await ctx.pool.write([{ op: "update", text, baseIri: endpoint }]);
    reply.code(204).send();
    return;
  }
  const form = queryForm(op.text, ctx.prefixes, endpoint);
  if (form === "UPDATE")
    throw new KgError("E_BAD_REQUEST", 'this is an update: POST it as "update" or application/sparql-update');
  const ser = negotiate(SERIALISATIONS[kindOf(form)], req.headers.accept, op.format);
  // The store keeps language tags lower-cased: LANG() gives them in BCP 47 case (as in the CLI),
  // so FILTER (LANG(?l) = "zh-Hans") matches, and results carry zh-Hans as well.
  const body = await ctx.pool.read(
    {
      op: "query",
      text: withCanonicalLang(op.text, ctx.prefixes),
      format: ser.format,
      dataset: op.dataset,
      baseIri: endpoint,
    },
    undefined,
    clientGone(reply),
  );
  reply.type(ser.contentType).send(withCanonicalTags(body, ser.format));
}

/** A signal that aborts when the client closes the connection before the answer is sent. */
export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once("close", () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Registers `/sparql` (GET, POST; other methods are 405). */
export function sparqlRoute(app: FastifyInstance, ctx: ServeContext): void {
  app.route({
    method: ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"],
    url: ENDPOINT_PATH,
    handler: (req, reply) => handle(ctx, req, reply),
  });
}
