/** One access-log line per request (to stderr): time, client, method, path, status, bytes and duration. */
import type { FastifyInstance } from "fastify";

/** Where log lines go (stderr by default). */
export type LogSink = (line: string) => void;

export const stderrSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

/** Registers the access log on an app. Long URLs (GET queries) are cut to keep lines readable. */
export function accessLog(app: FastifyInstance, sink: LogSink): void {
  app.addHook("onResponse", async (req, reply) => {
    const url = req.url.length > 160 ? `${req.url.slice(0, 157)}...` : req.url;
    const bytes = reply.getHeader("content-length") ?? "-";
    const ms = reply.elapsedTime.toFixed(1);
    sink(`${new Date().toISOString()} ${req.ip} "${req.method} ${url}" ${reply.statusCode} ${bytes} ${ms}ms`);
  });
}
