/**
 * What a build keeps in the embedded store's index (KgStore `StoreIndex`), so that the next
 * build neither loads nor queries the article graphs it does not change: per article graph its
 * fingerprint, the article's id and the reference resources it uses; and the dataset tally of
 * all of them (describe/graph-summary.ts), from which a changed graph's old summary is taken
 * away and its new one added.
 */
import { Parser } from "n3";
import { DatasetTally, type GraphSummary, ownPrefixes, summariseGraph } from "../describe/index.js";
import type { StoreIndex } from "../store/index.js";
import type { Fingerprint } from "./article-task.js";

/** One article graph in the index. */
export interface IndexEntry {
  readonly fp: Fingerprint;
  /** The article's id (its own IRIs' prefixes, `ownPrefixes`). */
  readonly id: string;
  /** The reference IRIs (places, periods) the graph uses. */
  readonly uses: readonly string[];
  /** The key of the file and settings it was built from (`inputKey`): the same key, the same graph. */
  readonly input?: string;
}

/** A build's view of the index: the entries and the tally of the same graphs. */
export interface BuildIndex {
  readonly entries: Map<string, IndexEntry>;
  readonly tally: DatasetTally;
}

/**
 * The build's index from a store's, or undefined when it is not one (another tally format,
 * another base, a graph of another agent, or entries and tally do not name the same graphs).
 */
export function readBuildIndex(index: StoreIndex | undefined, base: string, agent: string): BuildIndex | undefined {
  if (index === undefined) return undefined;
  const tally = DatasetTally.fromBytes(index.data, base);
  if (tally === undefined || tally.graphs.size !== index.graphs.size) return undefined;
  const entries = new Map<string, IndexEntry>();
  for (const [graph, entry] of index.graphs) {
    // a graph made by another version (or other data): its summary in the tally may not be the
    // one this version makes of its text, so it could not be taken away exactly
    if (!isEntry(entry) || !tally.graphs.has(graph) || entry.fp.agent !== agent) return undefined;
    entries.set(graph, entry);
  }
  return { entries, tally };
}

/** The store index of a build's entries and tally. */
export function storeIndexOf(entries: ReadonlyMap<string, IndexEntry>, tally: DatasetTally): StoreIndex {
  return { graphs: entries, data: tally.toBytes() };
}

/** The summary of an article graph from its N-Quads (as the store holds it); undefined if it cannot be made. */
export function summaryOfText(graph: string, nquads: Uint8Array, id: string, base: string): GraphSummary | undefined {
  const text = Buffer.from(nquads.buffer, nquads.byteOffset, nquads.byteLength).toString("utf8");
  try {
    const quads = new Parser({ format: "N-Quads" }).parse(text);
    return summariseGraph(graph, quads, ownPrefixes(base, id), base)?.summary;
  } catch {
    return undefined;
  }
}

function isEntry(e: unknown): e is IndexEntry {
  if (typeof e !== "object" || e === null) return false;
  const { fp, id, uses, input } = e as Record<string, unknown>;
  if (input !== undefined && typeof input !== "string") return false;
  if (typeof id !== "string" || !Array.isArray(uses) || !uses.every((u) => typeof u === "string")) return false;
  if (typeof fp !== "object" || fp === null) return false;
  const { hash, source, published, agent } = fp as Record<string, unknown>;
  return (
    typeof hash === "string" &&
    typeof source === "string" &&
    (published === undefined || typeof published === "string") &&
    (agent === undefined || typeof agent === "string")
  );
}
