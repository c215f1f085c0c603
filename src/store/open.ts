/** Opens the store a `--store` value names: a directory (embedded Oxigraph) or a SPARQL server. */
import { KgStore } from "./kg-store.js";
import { RemoteStore } from "./remote.js";
import { isRemoteStore } from "./remote-url.js";
import type { Store } from "./store.js";

/**
 * A directory is opened (or started empty); a `sparql+http(s)://` address is connected to.
 * (Returning a KgStore as a Store here is what checks that it implements the interface:
 * kg-store.ts does not import store.ts, which imports its option types, so there is no cycle.)
 */
export async function openStore(spec: string): Promise<Store> {
  return isRemoteStore(spec) ? RemoteStore.open(spec) : KgStore.open(spec);
}
