/**
 * HTTP for the remote store: fetch with a client timeout and authentication (Basic, Digest as
 * Virtuoso's Graph Store endpoint asks for, or a Bearer token). Digest (RFC 7616, MD5, qop
 * auth) answers the server's challenge and keeps it for the next requests.
 */
import { createHash, randomBytes } from "node:crypto";
import { KgError } from "../errors.js";
import type { RemoteEndpoint } from "./remote-url.js";

/** One request: a method, a URL, headers and a body that can be sent again (after a 401). */
export interface HttpRequest {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** A response read to the end. */
export interface HttpResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

interface Challenge {
  readonly scheme: "basic" | "digest";
  readonly params: Readonly<Record<string, string>>;
}

const md5 = (s: string) => createHash("md5").update(s).digest("hex");

/** Parses `WWW-Authenticate: Digest realm="x", nonce="y", qop="auth"` (or Basic). */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const m = /^\s*(basic|digest)\b(.*)$/isu.exec(header);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const p of (m[2] ?? "").matchAll(/([a-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/giu))
    params[(p[1] ?? "").toLowerCase()] = p[2] ?? p[3] ?? "";
  return { scheme: (m[1] ?? "").toLowerCase() as Challenge["scheme"], params };
}

/** A client for one endpoint's credentials. */
export class HttpClient {
  readonly #endpoint: RemoteEndpoint;
  #challenge: Challenge | undefined;
  #nc = 0;

  constructor(endpoint: RemoteEndpoint) {
    this.#endpoint = endpoint;
  }

  /** Sends a request; answers one authentication challenge; a network error or timeout is E_STORE. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    let res = await this.#fetch(req, this.#authorization(req));
    if (res.status === 401 && this.#endpoint.user !== undefined) {
      const challenge = parseChallenge(res.headers.get("www-authenticate"));
      await res.arrayBuffer().catch(() => undefined);
      if (challenge) {
        this.#challenge = challenge;
        this.#nc = 0;
        res = await this.#fetch(req, this.#authorization(req));
      }
    }
    return { status: res.status, contentType: res.headers.get("content-type") ?? "", text: await res.text() };
  }

  async #fetch(req: HttpRequest, authorization: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { ...req.headers };
    if (authorization) headers.authorization = authorization;
    try {
      return await fetch(req.url, {
        method: req.method,
        headers,
        ...(req.body === undefined ? {} : { body: req.body }),
        signal: AbortSignal.timeout(this.#endpoint.timeoutMs),
      });
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
      const why = timedOut
        ? `no answer within ${this.#endpoint.timeoutMs / 1000} s (raise it with ?timeout=SECONDS)`
        : `${e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e)}`;
      throw new KgError("E_STORE", `${req.method} ${req.url}: ${why}.`, { cause: e });
    }
  }

  #authorization(req: HttpRequest): string | undefined {
    const { user, password = "", token } = this.#endpoint;
    if (user === undefined) return token === undefined ? undefined : `Bearer ${token}`;
    const c = this.#challenge;
    if (c === undefined) return token === undefined ? undefined : `Bearer ${token}`;
    if (c.scheme === "basic") return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    const { realm = "", nonce = "", opaque, qop, algorithm } = c.params;
    const uri = new URL(req.url).pathname + new URL(req.url).search;
    const cnonce = randomBytes(8).toString("hex");
    const nc = (++this.#nc).toString(16).padStart(8, "0");
    const ha1 = md5(`${user}:${realm}:${password}`);
    const ha2 = md5(`${req.method}:${uri}`);
    const useQop = qop
      ?.split(",")
      .map((q) => q.trim())
      .includes("auth")
      ? "auth"
      : undefined;
    const response = useQop ? md5(`${ha1}:${nonce}:${nc}:${cnonce}:${useQop}:${ha2}`) : md5(`${ha1}:${nonce}:${ha2}`);
    const parts = [
      `username="${user}"`,
      `realm="${realm}"`,
      `nonce="${nonce}"`,
      `uri="${uri}"`,
      `response="${response}"`,
      ...(algorithm ? [`algorithm=${algorithm}`] : []),
      ...(opaque === undefined ? [] : [`opaque="${opaque}"`]),
      ...(useQop ? [`qop=${useQop}`, `nc=${nc}`, `cnonce="${cnonce}"`] : []),
    ];
    return `Digest ${parts.join(", ")}`;
  }
}
