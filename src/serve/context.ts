/** What every route of the server shares. */
import type { Iris } from "../rdf/iri.js";
import type { WriteAccess } from "./auth.js";
import type { WorkerPool } from "./pool.js";

export interface ServeContext {
  readonly pool: WorkerPool;
  readonly iris: Iris;
  /** Prefixes predeclared in every query (the CLI's). */
  readonly prefixes: Readonly<Record<string, string>>;
  readonly access: WriteAccess;
}
