/**
 * The HTTP application (fastify): body parsing with a size cap (413), a time limit on receiving
 * a request (408: slow clients cannot hold connections), CORS, the access log,
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
  /**
   * Time a client has to send a whole request, headers and body, in ms (slower: 408 and the
   * connection is closed). Its headers must be complete within the smaller of this and
   * HEADERS_TIMEOUT_MS. Without it a client that never finishes its body would hold its
   * connection forever (fastify's default is no request timeout). Default 30 s.
   */
  readonly requestTimeoutMs?: number;
  readonly log: LogSink;
}

/** Default time a client has to send a whole request, in ms. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Longest time a client may take to send the headers of a request, in ms. */
export const HEADERS_TIMEOUT_MS = 10_000;

/** Node's HTTP server options for a request time limit: Node checks its connections on an interval (30 s by default), so a short limit gets a short interval. */
export function timeoutOptions(requestTimeoutMs: number): {
  requestTimeout: number;
  headersTimeout: number;
  connectionsCheckingInterval: number;
} {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(requestTimeoutMs, HEADERS_TIMEOUT_MS),
    connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(requestTimeoutMs / 4))),
  };
}

/** Builds the application (not listening yet). */
export function buildApp(ctx: ServeContext, options: AppOptions): FastifyInstance {
  const timeouts = timeoutOptions(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit,
    routerOptions: { ignoreTrailingSlash: true },
    // fastify sets the server's requestTimeout from its own option (0 = none) after creating it
    requestTimeout: timeouts.requestTimeout,
    http: timeouts,
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
  // A client that asks first (Expect: 100-continue, as curl does for bodies past 1 MiB) and
  // announces a body over the limit gets no "100 Continue": the route answers 413 at once and
  // the body is never sent. (Node sends 100 on its own unless the server handles checkContinue.)
  app.server.on("checkContinue", (req, res) => {
    if (!(Number(req.headers["content-length"]) > options.bodyLimit)) res.writeContinue();
    app.server.emit("request", req, res);
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
