/** The store layer: the only importer of `oxigraph`. */
export {
  INDEX_SUFFIX,
  KgStore,
  type OpenOptions,
  type QueryOptions,
  type RawFormat,
  type RdfMediaType,
  STORE_FILE,
  type StoreIndex,
} from "./kg-store.js";
export { LOCK_FILE, lockStore, lockStoreSync, type StoreLock } from "./lock.js";
export { openStore } from "./open.js";
export { isSystemGraph, parseQueryAnswer, RemoteStore } from "./remote.js";
export { isRemoteStore, parseRemoteStore, type RemoteEndpoint, redact } from "./remote-url.js";
export type { QueryResult, Row } from "./result.js";
export {
  announceServer,
  findServer,
  readServed,
  SERVED_FILE,
  type ServedStore,
  storeIdOf,
  withdrawServer,
} from "./served.js";
export { type ParsedQuery, parseSparql } from "./sparql.js";
export type { Awaitable, Store } from "./store.js";
