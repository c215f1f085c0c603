/** HTTP errors of the endpoint: a status, a stable code, a message, and the position of a syntax error. */
import { KgError } from "../errors.js";

/** An error answered as JSON `{ error: { status, code, message, line?, column? } }`. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  constructor(
    status: number,
    code: string,
    message: string,
    extra: { line?: number; column?: number; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.line = extra.line;
    this.column = extra.column;
    this.headers = extra.headers ?? {};
  }

  /** The JSON body sent to the client. */
  toJSON(): unknown {
    return {
      error: {
        status: this.status,
        code: this.code,
        message: this.message,
        ...(this.line === undefined ? {} : { line: this.line, column: this.column }),
      },
    };
  }
}

/** Client errors among the KgError codes (the rest are the server's fault). */
const CLIENT_CODES = new Set(["E_USAGE", "E_SPARQL_SYNTAX", "E_RDF_SYNTAX", "E_VALIDATION"]);

/** An error of a job (worker) or a KgError as an HttpError. */
export function httpErrorOf(e: { code: string; message: string; line?: number; column?: number }): HttpError {
  const status = CLIENT_CODES.has(e.code) ? 400 : 500;
  return new HttpError(status, e.code, e.message, {
    ...(e.line === undefined ? {} : { line: e.line }),
    ...(e.column === undefined ? {} : { column: e.column }),
  });
}

/** Any thrown value as an HttpError (bugs become 500 without their stack). */
export function asHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  if (e instanceof KgError)
    return httpErrorOf({
      code: e.code,
      message: e.message,
      ...(e.context.line === undefined ? {} : { line: e.context.line }),
      ...(e.context.column === undefined ? {} : { column: e.context.column }),
    });
  const status = (e as { statusCode?: unknown }).statusCode;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof status === "number" && status >= 400 && status < 500) {
    const code = status === 413 ? "E_TOO_LARGE" : status === 415 ? "E_MEDIA_TYPE" : "E_BAD_REQUEST";
    return new HttpError(status, code, message);
  }
  return new HttpError(500, "E_INTERNAL", `internal error: ${message}`);
}
