/**
 * The `--store` form of a SPARQL 1.1 server (docs/remote-store.md):
 *
 *   sparql+http[s]://[USER:PASSWORD@]HOST[:PORT]/QUERY-PATH[?gsp=…&update=…&timeout=…&batch=…&token=…]
 *
 * The query endpoint is the URL without `sparql+` and without the parameters below (other
 * parameters stay on it). `gsp` is the Graph Store HTTP Protocol endpoint, `update` the SPARQL
 * Update endpoint (each a path on the same server or a full URL; `update` defaults to the
 * query endpoint). Without `gsp`, graphs are written with SPARQL Update. Credentials may also
 * come from ARTICLE_KG_STORE_USER / ARTICLE_KG_STORE_PASSWORD / ARTICLE_KG_STORE_TOKEN.
 */
import { KgError } from "../errors.js";

/** Whether a `--store` value names a SPARQL server rather than a directory. */
export const isRemoteStore = (spec: string): boolean => /^sparql\+https?:\/\//iu.test(spec);

/** A parsed remote store address. */
export interface RemoteEndpoint {
  /** SPARQL Protocol query endpoint. */
  readonly query: string;
  /** SPARQL Protocol update endpoint. */
  readonly update: string;
  /** Graph Store HTTP Protocol endpoint, if the server has one. */
  readonly gsp?: string;
  readonly user?: string;
  readonly password?: string;
  /** Bearer token (QLever access token, a proxy's token). */
  readonly token?: string;
  /** Client timeout of one request, in milliseconds. */
  readonly timeoutMs: number;
  /** Triples per write request. */
  readonly batch: number;
  /** The address without credentials, for messages and VoID. */
  readonly display: string;
}

const OWN = ["gsp", "update", "timeout", "batch", "token"] as const;

/** Parses a `sparql+http(s)://` store address. */
export function parseRemoteStore(spec: string, env: NodeJS.ProcessEnv = process.env): RemoteEndpoint {
  if (!isRemoteStore(spec))
    throw new KgError("E_USAGE", `not a SPARQL store address: "${spec}" (expected sparql+http://host:port/path).`);
  let url: URL;
  try {
    url = new URL(spec.slice("sparql+".length));
  } catch {
    throw new KgError("E_USAGE", `not a valid store URL: "${redact(spec)}".`);
  }
  const own = Object.fromEntries(OWN.map((k) => [k, url.searchParams.get(k) ?? undefined])) as Record<
    (typeof OWN)[number],
    string | undefined
  >;
  for (const k of OWN) url.searchParams.delete(k);
  const user = url.username ? decodeURIComponent(url.username) : env.ARTICLE_KG_STORE_USER;
  const password = url.password ? decodeURIComponent(url.password) : env.ARTICLE_KG_STORE_PASSWORD;
  url.username = "";
  url.password = "";
  const query = url.toString();
  const resolve = (v: string | undefined) => (v === undefined || v === "" ? undefined : new URL(v, url).toString());
  const timeout = Number(own.timeout ?? 60);
  const batch = Number(own.batch ?? 20000);
  if (!(timeout > 0)) throw new KgError("E_USAGE", `timeout must be a number of seconds; got "${own.timeout}".`);
  if (!(Number.isInteger(batch) && batch > 0))
    throw new KgError("E_USAGE", `batch must be a positive number of triples; got "${own.batch}".`);
  const gsp = resolve(own.gsp);
  const token = own.token ?? env.ARTICLE_KG_STORE_TOKEN;
  return {
    query,
    update: resolve(own.update) ?? query,
    ...(gsp === undefined ? {} : { gsp }),
    ...(user ? { user } : {}),
    ...(password ? { password } : {}),
    ...(token ? { token } : {}),
    timeoutMs: timeout * 1000,
    batch,
    display: `sparql+${query}${gsp ? ` (graph store ${gsp})` : ""}`,
  };
}

/** A store address with its password hidden, for messages. */
export function redact(spec: string): string {
  return spec.replace(/(\/\/[^:/@]*:)[^@/]*@/u, "$1***@");
}
