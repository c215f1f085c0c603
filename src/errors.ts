/**
 * The one error type of the project: `KgError`, with a stable code. Each code has its exit
 * code (the CLI prints the message without a stack and exits with it) and its HTTP status (the
 * server answers `{ error: { status, code, message, line?, column? } }` with it).
 */

/** Every code with its exit code and HTTP status (`article-kg --help` lists the exit codes). */
const CODES = {
  // Usage and input: the user can fix them.
  E_USAGE: { exit: 2, status: 400 },
  E_SPARQL_SYNTAX: { exit: 2, status: 400 },
  E_RDF_SYNTAX: { exit: 1, status: 400 },
  E_VALIDATION: { exit: 1, status: 400 },
  E_INPUT_NOT_FOUND: { exit: 1, status: 500 },
  E_INPUT_ENCODING: { exit: 1, status: 500 },
  E_INPUT_EMPTY: { exit: 1, status: 500 },
  E_INPUT_TOO_LARGE: { exit: 1, status: 500 },
  // The store and the network.
  E_STORE: { exit: 1, status: 500 },
  E_STORE_CORRUPT: { exit: 1, status: 500 },
  /** Another process writes the store: EX_TEMPFAIL (try again later); the server answers 503. */
  E_STORE_LOCKED: { exit: 75, status: 503 },
  E_NETWORK: { exit: 1, status: 500 },
  // Requests to the server.
  E_BAD_REQUEST: { exit: 1, status: 400 },
  E_UNAUTHORIZED: { exit: 1, status: 401 },
  E_FORBIDDEN: { exit: 1, status: 403 },
  E_READ_ONLY: { exit: 1, status: 403 },
  E_NOT_FOUND: { exit: 1, status: 404 },
  E_METHOD: { exit: 1, status: 405 },
  E_NOT_ACCEPTABLE: { exit: 1, status: 406 },
  E_TOO_LARGE: { exit: 1, status: 413 },
  E_MEDIA_TYPE: { exit: 1, status: 415 },
  E_CLIENT_GONE: { exit: 1, status: 499 },
  // The server's own limits and failures.
  /** Past the time limit: exit 124 as timeout(1) does (query --timeout); 503 on the server. */
  E_TIMEOUT: { exit: 124, status: 503 },
  E_MEMORY: { exit: 1, status: 503 },
  E_BUSY: { exit: 1, status: 503 },
  E_CLOSED: { exit: 1, status: 503 },
  E_UNAVAILABLE: { exit: 1, status: 503 },
  E_WORKER: { exit: 1, status: 500 },
  /** A bug: the CLI prints the stack and exits 70 for anything that is not a KgError. */
  E_INTERNAL: { exit: 70, status: 500 },
} as const satisfies Record<string, { readonly exit: number; readonly status: number }>;

/** Stable error codes. */
export type ErrorCode = keyof typeof CODES;

/** Where an error happened, to point the user at it. */
export interface ErrorContext {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
}

/** Options of a KgError. */
export interface KgErrorOptions {
  readonly context?: ErrorContext;
  readonly cause?: unknown;
  /** Headers of the HTTP answer (WWW-Authenticate, Retry-After). */
  readonly headers?: Readonly<Record<string, string>>;
  /** HTTP status when it is not the code's own (a framework's 4xx passed through as E_BAD_REQUEST). */
  readonly status?: number;
}

/** A user-facing error: a stable code, a message that says how to fix it, and its context. */
export class KgError extends Error {
  readonly code: ErrorCode;
  readonly context: ErrorContext;
  readonly headers: Readonly<Record<string, string>>;
  /** HTTP status of the answer. */
  readonly status: number;
  constructor(code: ErrorCode, message: string, options: KgErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "KgError";
    this.code = code;
    this.context = options.context ?? {};
    this.headers = options.headers ?? {};
    this.status = options.status ?? httpStatusOf(code);
  }
}

/** Exit code of a writer refused because another process writes the store (EX_TEMPFAIL: try again later). */
export const EXIT_LOCKED = CODES.E_STORE_LOCKED.exit;

/** Exit code of a query stopped by its time limit (`query --timeout`), as GNU timeout(1) uses. */
export const EXIT_TIMEOUT = 124;

/** Exit code for an error code: 2 for usage and syntax errors, 124 past a time limit, 75 for a store locked by another writer, 70 for a bug, 1 otherwise. */
export function exitCodeOf(code: ErrorCode): number {
  return CODES[code].exit;
}

/** HTTP status for an error code: 4xx for the client's mistakes, 5xx for the server's. */
export function httpStatusOf(code: ErrorCode): number {
  return CODES[code].status;
}
