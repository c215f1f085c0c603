/**
 * One real `article-kg serve` process under load, as clients on a network treat it: 200
 * concurrent queries (GET, POST form, POST application/sparql-query) all answered correctly;
 * slow clients (headers one byte every 100 ms, a body that never ends) disconnected with 408
 * within the request time limit while other clients keep getting answers; an oversized body
 * refused with 413, oversized headers with 431, bad percent-encoding with 400; and through all
 * of it the process stays up with its resident memory bounded. Limits are loose on purpose:
 * speed and memory are measured by `npm run bench:load`, not asserted here.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, REQUEST_TIMEOUT_MS } from "../src/serve/app.js";
import type { ServeContext } from "../src/serve/context.js";
import { readNamedQueries } from "../src/serve/named-queries.js";
import { buildSamples, http } from "./e2e/server.js";

const BIN = join(import.meta.dirname, "..", "bin", "article-kg.js");
/**
 * The request time limit of the server under test (ms): short, so slow clients are cut quickly,
 * yet long enough that a busy machine does not delay a normal request's body past it.
 */
const REQUEST_TIMEOUT = 5000;
const JSON_RESULTS = "application/sparql-results+json";

/** Resident memory of a process in bytes (Linux /proc). */
function rssOf(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/mu.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m?.[1] ?? 0) * 1024;
}

/** Starts `article-kg serve` on a free port; resolves with its URL once it listens. */
function startServe(store: string, args: readonly string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, "serve", "--store", store, "--port", "0", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${err}`)), 60_000);
    child.stderr?.on("data", (c: Buffer) => {
      // keep the start of the log (the URL) and its tail; the access log grows with the load
      err = (err.length > 20_000 ? err.slice(0, 2000) + err.slice(-2000) : err) + c.toString("utf8");
      const m = /serving .* at (http:\/\/[^/\s]+)\//u.exec(err);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${err}`)));
  });
}

interface Bindings {
  results: { bindings: Record<string, { value: string }>[] };
}

/** The rows of a JSON result as sorted strings (order-free comparison). */
function rows(body: string): string[] {
  return (JSON.parse(body) as Bindings).results.bindings
    .map((b) =>
      JSON.stringify(
        Object.entries(b)
          .map(([k, v]) => [k, v.value])
          .sort(),
      ),
    )
    .sort();
}

/** A query sent one of the three protocol ways. */
function send(url: string, query: string, how: number): Promise<Response> {
  const headers = { accept: JSON_RESULTS };
  if (how === 0) return fetch(`${url}/sparql?query=${encodeURIComponent(query)}`, { headers });
  if (how === 1)
    return fetch(`${url}/sparql`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ query }).toString(),
    });
  return fetch(`${url}/sparql`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/sparql-query" },
    body: query,
  });
}

/** A slow client on a raw socket: what it received and when the server closed it. */
interface Slow {
  readonly socket: Socket;
  received: string;
  closedAfterMs: number | undefined;
  readonly done: Promise<void>;
}

function slowClient(url: string, kind: "headers" | "body"): Slow {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  const socket = connect(Number(port), hostname);
  let timer: NodeJS.Timeout | undefined;
  const slow: Slow = {
    socket,
    received: "",
    closedAfterMs: undefined,
    done: new Promise<void>((resolve) => {
      socket.on("close", () => {
        clearInterval(timer);
        slow.closedAfterMs = performance.now() - started;
        resolve();
      });
    }),
  };
  socket.setEncoding("utf8");
  socket.on("data", (c: string) => {
    slow.received += c;
  });
  socket.on("error", () => {}); // a reset after the 408 is as good as a close
  socket.on("connect", () => {
    if (kind === "headers") {
      // a header block that never ends, one byte every 100 ms
      const text = `GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: ${hostname}\r\nX-Slow: ${"a".repeat(10_000)}`;
      let i = 0;
      timer = setInterval(() => {
        if (!socket.destroyed && i < text.length) socket.write(text[i++] as string);
      }, 100);
    } else {
      // complete headers, then 10 bytes of a promised 1,000-byte body, then silence
      socket.write(
        `POST /sparql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\nASK { ?s ?`,
      );
    }
  });
  return slow;
}

/**
 * Sends raw bytes on a fresh connection and collects the answer until the server closes it
 * (every answer sent here closes the connection). `then` may go on writing until answered.
 */
function exchange(
  url: string,
  request: string,
  then?: (socket: Socket, answered: () => boolean) => void,
): Promise<{ received: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let received = "";
    const socket = connect(Number(port), hostname, () => {
      socket.write(request);
      then?.(socket, () => received.length > 0);
    });
    socket.setEncoding("utf8");
    socket.on("data", (c: string) => {
      received += c;
    });
    socket.on("error", () => {}); // a reset after the answer: what was received counts
    const timer = setTimeout(() => socket.destroy(), 15_000);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ received });
    });
  });
}

describe("the server's request time limit", () => {
  it("is on by default (fastify has none): headers and body must arrive in time", async () => {
    const app = buildApp({} as ServeContext, { bodyLimit: 1024, log: () => {} });
    try {
      expect(app.server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
      expect(app.server.headersTimeout).toBeGreaterThan(0);
      expect(app.server.headersTimeout).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS);
    } finally {
      await app.close();
    }
  });
});

describe("one server process under load", () => {
  let tmp: string;
  let server: Awaited<ReturnType<typeof startServe>>;
  let pid: number;
  let rssBefore = 0;
  let reference: { count: string[]; named: string[]; namedText: string };

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "kg-load-"));
    const store = join(tmp, "store");
    await buildSamples(store);
    server = await startServe(store, [
      "--workers",
      "2",
      "--timeout",
      "20000",
      "--request-timeout",
      `${REQUEST_TIMEOUT}`,
    ]);
    pid = server.child.pid as number;
    // reference answers, one request at a time (this also warms the workers up)
    const named = (await readNamedQueries()).find((q) => q.name === "facts-by-place");
    if (named === undefined) throw new Error("no named query facts-by-place");
    const namedText = named.text.replaceAll('"610700"', '"621100"');
    const count = await (await send(server.url, "SELECT (COUNT(?o) AS ?n) WHERE { ?o a qb:Observation }", 0)).text();
    const namedRows = await (await send(server.url, namedText, 2)).text();
    reference = { count: rows(count), named: rows(namedRows), namedText };
    rssBefore = rssOf(pid);
  }, 120_000);

  afterAll(async () => {
    server?.child.kill("SIGTERM");
    await rm(tmp, { recursive: true, force: true });
  });

  it("has answers to compare with", () => {
    expect(reference.count).toHaveLength(1);
    expect(Number(JSON.parse(reference.count[0] as string)[0][1])).toBeGreaterThan(0);
    expect(reference.named.length).toBeGreaterThan(0);
  });

  it("answers 200 concurrent queries, GET and POST mixed, each with its own correct result", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        // every fourth is the named query; the others echo their number, so a mixed-up answer shows
        const query =
          i % 4 === 3 ? reference.namedText : `SELECT (${i} AS ?i) (COUNT(?o) AS ?n) WHERE { ?o a qb:Observation }`;
        const r = await send(server.url, query, i % 3);
        return { i, status: r.status, body: await r.text() };
      }),
    );
    const count = JSON.parse(reference.count[0] as string)[0][1] as string;
    for (const a of answers) {
      expect(a.status, `query ${a.i}: ${a.body.slice(0, 300)}`).toBe(200);
      if (a.i % 4 === 3) expect(rows(a.body), `query ${a.i}`).toEqual(reference.named);
      else
        expect(rows(a.body), `query ${a.i}`).toEqual([
          JSON.stringify([
            ["i", String(a.i)],
            ["n", count],
          ]),
        ]);
    }
    expect(server.child.exitCode).toBeNull();
  }, 60_000);

  it("keeps answering while 20 slow clients hold connections, and cuts them off with 408", async () => {
    const slow = [
      ...Array.from({ length: 10 }, () => slowClient(server.url, "headers")),
      ...Array.from({ length: 10 }, () => slowClient(server.url, "body")),
    ];
    await new Promise((r) => setTimeout(r, 300));
    // while they trickle, other clients are served promptly (loose bound for a busy machine)
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      const r = await send(server.url, "ASK { ?s a qb:Observation }", k);
      expect(r.status).toBe(200);
      expect(await r.json()).toMatchObject({ boolean: true });
      expect(performance.now() - t0).toBeLessThan(5000);
    }
    // Node checks connections on an interval (a quarter of the limit, here): allow generously
    const cutOff = Promise.all(slow.map((s) => s.done));
    const deadline = new Promise<"late">((r) => setTimeout(() => r("late"), REQUEST_TIMEOUT * 4));
    expect(await Promise.race([cutOff.then(() => "closed" as const), deadline])).toBe("closed");
    for (const s of slow) {
      expect(s.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT - 200);
      expect(s.received).toMatch(/^HTTP\/1\.1 408 /u);
    }
    // none of them is left holding a socket
    for (const s of slow) s.socket.destroy();
    const after = await send(server.url, "ASK { ?s a qb:Observation }", 2);
    expect(after.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);

  it("refuses an oversized body with 413, oversized headers with 431, bad percent-encoding with 400", async () => {
    const { hostname } = new URL(server.url);
    const head = (extra: string) =>
      `POST /sparql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/sparql-query\r\n${extra}\r\n`;
    const tooLong = (1 << 20) + 1024;
    // announced, asking first: a final 413 and no "100 Continue", so the body is never sent
    const asked = await exchange(server.url, head(`Content-Length: ${tooLong}\r\nExpect: 100-continue\r\n`));
    expect(asked.received).toMatch(/^HTTP\/1\.1 413 /u);
    expect(asked.received).not.toContain("100 Continue");
    expect(asked.received).toContain('"E_TOO_LARGE"');
    // announced, sent at once: 413 on the header, after the first bytes of the body
    const announced = await exchange(server.url, head(`Content-Length: ${tooLong}\r\n`) + "x".repeat(65_536));
    expect(announced.received).toMatch(/^HTTP\/1\.1 413 /u);
    // chunked, no length: counted as it arrives, refused once past the limit
    const chunk = `10000\r\n${"x".repeat(65_536)}\r\n`;
    const chunked = await exchange(server.url, head("Transfer-Encoding: chunked\r\n"), (socket, answered) => {
      let sent = 0;
      const timer = setInterval(() => {
        if (answered() || socket.destroyed || sent++ > 40) clearInterval(timer);
        else socket.write(chunk);
      }, 5);
    });
    expect(chunked.received).toMatch(/^HTTP\/1\.1 413 /u);
    // headers past Node's 16 KiB: 431; a broken percent-escape in the query string: 400
    const longUrl = await exchange(
      server.url,
      `GET /sparql?query=${"%20".repeat(40_000)}ASK%7B%7D HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`,
    );
    expect(longUrl.received).toMatch(/^HTTP\/1\.1 431 /u);
    const badPercent = await http(`${server.url}/sparql?query=ASK%7B%7D%E0%A4%A`, {
      headers: { accept: JSON_RESULTS },
    });
    expect(badPercent.status, badPercent.body).toBe(400);
    const badForm = await http(`${server.url}/sparql`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "query=ASK%7B%7D%ZZ%",
    });
    expect(badForm.status, badForm.body).toBeGreaterThanOrEqual(400);
    expect(badForm.status, badForm.body).toBeLessThan(500);
    const ok = await send(server.url, "ASK { ?s a qb:Observation }", 1);
    expect(ok.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);

  it("ends the load with its resident memory bounded and still answering", async () => {
    const after = rssOf(pid);
    expect(after, `RSS ${rssBefore >> 20} MiB → ${after >> 20} MiB`).toBeLessThan(2 * rssBefore + (100 << 20));
    const r = await send(server.url, "SELECT (COUNT(?o) AS ?n) WHERE { ?o a qb:Observation }", 0);
    expect(r.status).toBe(200);
    expect(rows(await r.text())).toEqual(reference.count);
    expect(server.child.exitCode).toBeNull();
  });
});
