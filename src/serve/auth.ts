/** Bearer-token check for writes: 403 when writes are off or the token is wrong, 401 when none is sent. */
import { createHash, timingSafeEqual } from "node:crypto";
import { KgError } from "../errors.js";

/** Who may write: nobody (`token` undefined) or clients sending `Authorization: Bearer <token>`. */
export interface WriteAccess {
  readonly allowUpdate: boolean;
  readonly token: string | undefined;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Throws unless the request may write. */
export function checkWrite(access: WriteAccess, authorization: string | undefined): void {
  if (!access.allowUpdate || access.token === undefined)
    throw new KgError(
      "E_READ_ONLY",
      "this endpoint is read-only; start it with --allow-update --token T to accept writes",
    );
  const m = /^Bearer\s+(\S+)\s*$/iu.exec(authorization ?? "");
  if (!m?.[1])
    throw new KgError("E_UNAUTHORIZED", "writes need an Authorization: Bearer <token> header", {
      headers: { "www-authenticate": 'Bearer realm="article-kg"' },
    });
  if (!timingSafeEqual(digest(m[1]), digest(access.token)))
    throw new KgError("E_FORBIDDEN", "the bearer token is not valid for writes");
}
