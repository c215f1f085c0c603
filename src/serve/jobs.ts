/** Messages between the server and its query workers (plain data: terms do not cross threads). */
import type { ErrorCode } from "../errors.js";
import type { RawFormat, RdfMediaType } from "../store/index.js";

/** The dataset of a request (SPARQL Protocol `default-graph-uri` / `named-graph-uri`). */
export interface Dataset {
  readonly defaultGraphs?: readonly string[];
  readonly namedGraphs?: readonly string[];
}

/** Work a worker can do. Reads run on any worker; writes run on the primary, which then saves. */
export type Job =
  | {
      readonly op: "query";
      readonly text: string;
      readonly format: RawFormat;
      readonly dataset: Dataset;
      readonly baseIri?: string;
    }
  | { readonly op: "update"; readonly text: string; readonly baseIri?: string }
  | { readonly op: "load"; readonly text: string; readonly mediaType: RdfMediaType; readonly graph: string | null }
  | { readonly op: "drop"; readonly graph: string | null }
  | { readonly op: "save" };

/** A job with its id, as posted to a worker. */
export type JobMessage = Job & { readonly id: number };

/** An error a worker reports: the KgError code and message, and the position of a syntax error. */
export interface JobError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** What a worker posts back. */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly body: string }
  | { readonly id: number; readonly ok: false; readonly error: JobError }
  | { readonly id: -1; readonly ok: true; readonly ready: { readonly quads: number; readonly ms: number } }
  | { readonly id: -1; readonly ok: false; readonly error: JobError };

/** Data a worker is started with. */
export interface WorkerData {
  /** Store directory (its `store.nq` is loaded; absent: an empty store in memory). */
  readonly storeDir: string | undefined;
  /** Prefixes predeclared for every query (the CLI's), so named queries run unchanged. */
  readonly prefixes: Readonly<Record<string, string>>;
}
