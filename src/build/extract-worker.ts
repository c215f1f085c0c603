/**
 * The body of an extraction worker (started by workers.ts through worker-boot.mjs): runs the
 * article tasks it is sent, one at a time, and answers each with its result or its error.
 */
import { parentPort, workerData } from "node:worker_threads";
import { KgError } from "../errors.js";
import { type ArticleTask, type TaskSettings, taskRunner } from "./article-task.js";
import type { WorkerReply } from "./workers.js";

const port = parentPort;
if (port === null) throw new Error("extract-worker.ts runs in a worker thread only");
const run = taskRunner(workerData as TaskSettings);

port.on("message", async (message: { readonly id: number; readonly task: ArticleTask }) => {
  let reply: WorkerReply;
  try {
    reply = { id: message.id, result: await run(message.task) };
  } catch (e) {
    reply = {
      id: message.id,
      error:
        e instanceof KgError
          ? { message: e.message, code: e.code, context: e.context }
          : { message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    };
  }
  // the N-Quads bytes move to the main thread instead of being copied
  const result = "result" in reply ? reply.result : undefined;
  port.postMessage(reply, result?.kind === "graph" ? [result.nquads.buffer as ArrayBuffer] : []);
});
