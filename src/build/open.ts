/**
 * Opening the store a command or a server worker works on: a directory (embedded Oxigraph,
 * which must have been built for the read-only uses) or a SPARQL server.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { KgError } from "../errors.js";
import { isRemoteStore, KgStore, openStore, redact, STORE_FILE, type Store } from "../store/index.js";

/** Opens the store in `dir`, which must have been built. */
export async function openExisting(dir: string): Promise<KgStore> {
  if (!existsSync(join(dir, STORE_FILE)))
    throw new KgError("E_STORE", `no store in ${dir} (run "article-kg build PATH --store ${dir}" first).`, {
      context: { file: dir },
    });
  return KgStore.open(dir);
}

/** Opens a store to read or change: a server as it is, a directory only when it has been built. */
export async function openBuilt(spec: string): Promise<Store> {
  return isRemoteStore(spec) ? openStore(spec) : openExisting(spec);
}

/**
 * Opens a store to build into: a directory is started empty when it has no store yet, and
 * opened through its index (KgStore `lazy`): the article graphs a build does not change are
 * never loaded.
 */
export function openForBuild(spec: string): Promise<Store> {
  return isRemoteStore(spec) ? openStore(spec) : KgStore.open(spec, { lazy: true });
}

/**
 * Loads the saved store of a directory into memory (a server worker at start and after a
 * restart); no directory: an empty store.
 */
export function loadSaved(dir: string | undefined): Promise<KgStore> {
  return dir === undefined ? Promise.resolve(KgStore.memory()) : KgStore.open(dir);
}

/** How a store is named in messages: a server without its password, a directory as given. */
export function storeName(spec: string): string {
  return isRemoteStore(spec) ? redact(spec) : spec;
}
