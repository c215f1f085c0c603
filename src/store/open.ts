/** Opens the store a `--store` value names: a directory (embedded Oxigraph) or a SPARQL server. */
import { KgStore } from "./kg-store.js";
import { RemoteStore } from "./remote.js";
import { isRemoteStore } from "./remote-url.js";
import type { Store } from "./store.js";

/** A directory is opened (or started empty); a `sparql+http(s)://` address is connected to. */
export async function openStore(spec: string): Promise<Store> {
  return isRemoteStore(spec) ? RemoteStore.open(spec) : KgStore.open(spec);
}
