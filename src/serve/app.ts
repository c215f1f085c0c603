/**
 * The HTTP application (fastify): body parsing with a size cap (413), CORS, the access log,
 * JSON errors, and the routes: `/sparql`, `/store`, the web page and its API, and linked
 * data for every other path.
 */
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { KgError } from "../errors.js";
import { accessLog, type LogSink } from "./access-log.js";
import type { ServeContext } from "./context.js";
import { cors } from "./cors.js";
import { asKgError, errorBody } from "./errors.js";
import { graphStoreRoute } from "./graph-store.js";
import { linkedDataRoute } from "./linked-data.js";
import { sparqlRoute } from "./sparql-route.js";
import { webRoutes } from "./web-routes.js";

/** Options of the application. */
export interface AppOptions {
  /** Largest request body, in bytes (larger: 413). */
  readonly bodyLimit: number;
  readonly log: LogSink;
}

/** Builds the application (not listening yet). */
export function buildApp(ctx: ServeContext, options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors fastify answers before any route (a malformed percent-escape in the path: "/%")
    // get the endpoint's JSON error shape too.
    frameworkErrors: (e, _req, raw) => {
      const k = asKgError(e);
      const reply: FastifyReply = raw;
      reply
        .code(k.status)
        .headers(k.headers)
        .type("application/json; charset=utf-8")
        .send(JSON.stringify(errorBody(k)));
    },
  });
  // Every body is read as text (up to the limit); the routes decide what its media type allows.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => done(null, body));
  cors(app);
  accessLog(app, options.log);
  app.setErrorHandler((e, _req, reply) => {
    const k = asKgError(e);
    if (k.status >= 500 && k.code === "E_INTERNAL")
      options.log(`error: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
    reply
      .code(k.status)
      .headers(k.headers)
      .type("application/json; charset=utf-8")
      .send(JSON.stringify(errorBody(k)));
  });
  app.setNotFoundHandler((req, reply) => {
    const k = new KgError("E_NOT_FOUND", `no resource at ${req.method} ${req.url.split("?")[0]}`);
    reply
      .code(k.status)
      .type("application/json; charset=utf-8")
      .send(JSON.stringify(errorBody(k)));
  });
  sparqlRoute(app, ctx);
  graphStoreRoute(app, ctx);
  webRoutes(app, ctx);
  linkedDataRoute(app, ctx);
  return app;
}
