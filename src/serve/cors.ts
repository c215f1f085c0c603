/** CORS for browser clients (YASGUI, notebooks): any origin may read; preflights are answered. */
import type { FastifyInstance } from "fastify";

const METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
const HEADERS = "Accept, Authorization, Content-Type";

/** Registers CORS headers on every response and a preflight route. */
export function cors(app: FastifyInstance): void {
  app.addHook("onRequest", async (_req, reply) => {
    reply.header("access-control-allow-origin", "*");
    reply.header("access-control-expose-headers", "Content-Type, Content-Length, WWW-Authenticate");
  });
  app.options("*", async (_req, reply) => {
    reply
      .header("access-control-allow-methods", METHODS)
      .header("access-control-allow-headers", HEADERS)
      .header("access-control-max-age", "86400")
      .code(204)
      .send();
  });
}
