/** Stable error codes; the CLI maps them to exit codes and prints the message without a stack. */
export type ErrorCode =
  | "E_USAGE"
  | "E_INPUT_NOT_FOUND"
  | "E_INPUT_ENCODING"
  | "E_INPUT_EMPTY"
  | "E_INPUT_TOO_LARGE"
  | "E_SPARQL_SYNTAX"
  | "E_STORE"
  | "E_STORE_CORRUPT"
  | "E_STORE_LOCKED"
  | "E_RDF_SYNTAX"
  | "E_VALIDATION"
  | "E_NETWORK";

/** Where an error happened, to point the user at it. */
export interface ErrorContext {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
}

/** A user-facing error: a stable code, a message that says how to fix it, and its context. */
export class KgError extends Error {
  readonly code: ErrorCode;
  readonly context: ErrorContext;
  constructor(code: ErrorCode, message: string, options: { context?: ErrorContext; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "KgError";
    this.code = code;
    this.context = options.context ?? {};
  }
}

/** Exit code of a writer refused because another process writes the store (EX_TEMPFAIL: try again later). */
export const EXIT_LOCKED = 75;

/** Exit code for an error code: 2 for usage and syntax errors, 75 for a store locked by another writer, 1 otherwise. */
export function exitCodeOf(code: ErrorCode): number {
  if (code === "E_STORE_LOCKED") return EXIT_LOCKED;
  return code === "E_USAGE" || code === "E_SPARQL_SYNTAX" ? 2 : 1;
}
