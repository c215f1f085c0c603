/** One error type for the CLI and the server: each code's exit code and HTTP status, and how the server answers errors. */
import { describe, expect, it } from "vitest";
import { type ErrorCode, exitCodeOf, httpStatusOf, KgError } from "../src/errors.js";
import { iris } from "../src/rdf/iri.js";
import type { ServeContext } from "../src/serve/context.js";
import { asKgError, errorBody, errorOfJob } from "../src/serve/errors.js";
import type { Job } from "../src/serve/jobs.js";
import { WorkerPool } from "../src/serve/pool.js";
import { knownIriOfPath } from "../src/serve/program-data.js";

describe("KgError codes", () => {
  it.each<[ErrorCode, number, number]>([
    // the exit codes `article-kg --help` documents: 2 usage and syntax, 1 bad input or store
    ["E_USAGE", 2, 400],
    ["E_SPARQL_SYNTAX", 2, 400],
    ["E_RDF_SYNTAX", 1, 400],
    ["E_VALIDATION", 1, 400],
    ["E_INPUT_NOT_FOUND", 1, 500],
    ["E_INPUT_ENCODING", 1, 500],
    ["E_STORE", 1, 500],
    ["E_STORE_CORRUPT", 1, 500],
    // a writer refused because another process writes the store: EX_TEMPFAIL, try again later
    ["E_STORE_LOCKED", 75, 503],
    ["E_NETWORK", 1, 500],
    // the server's statuses
    ["E_BAD_REQUEST", 1, 400],
    ["E_UNAUTHORIZED", 1, 401],
    ["E_READ_ONLY", 1, 403],
    ["E_FORBIDDEN", 1, 403],
    ["E_NOT_FOUND", 1, 404],
    ["E_METHOD", 1, 405],
    ["E_NOT_ACCEPTABLE", 1, 406],
    ["E_TOO_LARGE", 1, 413],
    ["E_MEDIA_TYPE", 1, 415],
    ["E_CLIENT_GONE", 1, 499],
    ["E_WORKER", 1, 500],
    ["E_TIMEOUT", 124, 503],
    ["E_MEMORY", 1, 503],
    ["E_BUSY", 1, 503],
    ["E_INTERNAL", 70, 500],
  ])("%s: exit %i, HTTP %i", (code, exit, status) => {
    expect(exitCodeOf(code)).toBe(exit);
    expect(httpStatusOf(code)).toBe(status);
    expect(new KgError(code, "x").status).toBe(status);
  });
});

describe("errors as the server answers them", () => {
  it("writes the status, code, message and the position of a syntax error", () => {
    const e = new KgError("E_SPARQL_SYNTAX", "line 2: unexpected }", { context: { line: 2, column: 5 } });
    expect(errorBody(e)).toEqual({
      error: { status: 400, code: "E_SPARQL_SYNTAX", message: "line 2: unexpected }", line: 2, column: 5 },
    });
    expect(errorBody(new KgError("E_NOT_FOUND", "no place"))).toEqual({
      error: { status: 404, code: "E_NOT_FOUND", message: "no place" },
    });
  });

  it("keeps a worker's code and position", () => {
    const e = errorOfJob({ code: "E_SPARQL_SYNTAX", message: "bad", line: 3, column: 1 });
    expect([e.code, e.status, e.context.line, e.context.column]).toEqual(["E_SPARQL_SYNTAX", 400, 3, 1]);
    expect(errorOfJob({ code: "E_STORE", message: "broken" }).status).toBe(500);
  });

  it("keeps a framework's 4xx status and makes anything else a 500 without its stack", () => {
    const framework = (statusCode: number) => Object.assign(new Error("framework says no"), { statusCode });
    expect([asKgError(framework(413)).code, asKgError(framework(413)).status]).toEqual(["E_TOO_LARGE", 413]);
    expect([asKgError(framework(415)).code, asKgError(framework(415)).status]).toEqual(["E_MEDIA_TYPE", 415]);
    expect([asKgError(framework(414)).code, asKgError(framework(414)).status]).toEqual(["E_BAD_REQUEST", 414]);
    const bug = asKgError(new TypeError("x is undefined"));
    expect([bug.code, bug.status, bug.message]).toEqual(["E_INTERNAL", 500, "internal error: x is undefined"]);
    const same = new KgError("E_BUSY", "busy", { headers: { "retry-after": "1" } });
    expect(asKgError(same)).toBe(same);
    expect(same.headers).toEqual({ "retry-after": "1" });
  });
});

/** A pool that answers every read with `answer` (no workers started). */
class FakePool extends WorkerPool {
  readonly #answer: (job: Job) => Promise<string>;
  constructor(answer: (job: Job) => Promise<string>) {
    super({ size: 1, data: { storeDir: undefined, prefixes: {} }, timeoutMs: 1000 });
    this.#answer = answer;
  }
  override read(job: Job): Promise<string> {
    return this.#answer(job);
  }
}

const contextWith = (answer: (job: Job) => Promise<string>): ServeContext => ({
  pool: new FakePool(answer),
  iris: iris(),
  prefixes: {},
  access: { allowUpdate: false, token: undefined },
});

describe("linked-data paths (knownIriOfPath)", () => {
  it("answers a busy or failed store with its error, not with 'unknown' (404)", async () => {
    const busy = contextWith(() => Promise.reject(new KgError("E_BUSY", "too many queries are waiting")));
    await expect(knownIriOfPath(busy, "/place/610700")).rejects.toMatchObject({ code: "E_BUSY", status: 503 });
  });

  it("takes a path the query parser refuses, or no IRI can hold, as naming nothing", async () => {
    const asked: string[] = [];
    const refusing = contextWith((job) => {
      if (job.op === "query") asked.push(job.text);
      return Promise.reject(new KgError("E_SPARQL_SYNTAX", "invalid IRI"));
    });
    await expect(knownIriOfPath(refusing, "/place/a%zz")).resolves.toBeUndefined();
    await expect(knownIriOfPath(refusing, "/place/a%20b")).resolves.toBeUndefined();
    // the decoded form (with a space) is not even asked
    expect(asked.some((q) => q.includes("a b"))).toBe(false);
  });

  it("finds a known IRI", async () => {
    const ctx = contextWith(() => Promise.resolve(JSON.stringify({ boolean: true })));
    await expect(knownIriOfPath(ctx, "/place/610700")).resolves.toBe("https://w3id.org/article-kg/place/610700");
  });
});
