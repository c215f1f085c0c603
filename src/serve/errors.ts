/**
 * Errors as the endpoint answers them: any thrown value becomes a KgError (its code gives the
 * HTTP status), answered as JSON `{ error: { status, code, message, line?, column? } }`.
 */
import { KgError } from "../errors.js";
import type { JobError } from "./jobs.js";

/** The JSON body sent to the client. */
export function errorBody(e: KgError): unknown {
  const { line, column } = e.context;
  return {
    error: {
      status: e.status,
      code: e.code,
      message: e.message,
      ...(line === undefined ? {} : { line, column }),
    },
  };
}

/** The error a worker reported for a job, as a KgError. */
export function errorOfJob(e: JobError): KgError {
  return new KgError(e.code, e.message, {
    context: {
      ...(e.line === undefined ? {} : { line: e.line }),
      ...(e.column === undefined ? {} : { column: e.column }),
    },
  });
}

/** Any thrown value as a KgError: a framework's 4xx keeps its status; bugs become 500 E_INTERNAL without their stack. */
export function asKgError(e: unknown): KgError {
  if (e instanceof KgError) return e;
  const status = (e as { statusCode?: unknown }).statusCode;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof status === "number" && status >= 400 && status < 500) {
    const code = status === 413 ? "E_TOO_LARGE" : status === 415 ? "E_MEDIA_TYPE" : "E_BAD_REQUEST";
    return new KgError(code, message, { status, cause: e });
  }
  return new KgError("E_INTERNAL", `internal error: ${message}`, { cause: e });
}
