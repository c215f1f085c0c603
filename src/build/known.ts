/**
 * What the store already holds, for an incremental build: per article graph, the fingerprint
 * it was built from (text hash, source, publication date, the agent that generated it).
 * The hash is the one of its `urn:sha256:` dcterms:source; an article with a URL as source has
 * the hash of its stored text (schema:text) instead.
 */
import { agentIri, provenanceGraph } from "../describe/index.js";
import type { Iris } from "../rdf/iri.js";
import { DCTERMS, PROV, SCHEMA } from "../rdf/vocab.js";
import type { Store } from "../store/index.js";
import { type Fingerprint, textHash } from "./article-task.js";

const HASHED = "urn:sha256:";

/** The fingerprint of every article graph of the store, by graph IRI. */
export async function knownGraphs(store: Store, iris: Iris): Promise<Map<string, Fingerprint>> {
  const prefix = iris.articleGraph("");
  const result = await store.query(`SELECT ?g ?source ?published ?text ?agent WHERE {
    GRAPH ?g {
      ?a a <${iris.kg.Article}> ; <${DCTERMS.source}> ?source .
      OPTIONAL { ?a <${SCHEMA.datePublished}> ?published }
      OPTIONAL { ?a <${SCHEMA.text}> ?text FILTER(!STRSTARTS(STR(?source), "${HASHED}")) }
    }
    FILTER(STRSTARTS(STR(?g), ${JSON.stringify(prefix)}))
    OPTIONAL { GRAPH <${provenanceGraph(iris)}> { ?g <${PROV.wasGeneratedBy}> ?act . ?act <${PROV.wasAssociatedWith}> ?agent } }
  }`);
  const known = new Map<string, Fingerprint>();
  if (result.kind !== "bindings") return known;
  for (const row of result.rows) {
    const g = row.get("g")?.value;
    const source = row.get("source")?.value;
    if (g === undefined || source === undefined) continue;
    const text = row.get("text")?.value;
    const hash = source.startsWith(HASHED) ? source.slice(HASHED.length) : text === undefined ? "" : textHash(text);
    const published = row.get("published")?.value;
    const agent = row.get("agent")?.value;
    // Two rows for one graph (two articles, two agents) cannot be trusted: rebuild it.
    if (known.has(g)) known.set(g, { hash: "", source: "" });
    else
      known.set(g, {
        hash,
        source,
        ...(published === undefined ? {} : { published }),
        ...(agent === undefined ? {} : { agent }),
      });
  }
  return known;
}

/** The IRIs of the article graphs a store holds. */
export async function storedArticleGraphs(store: Store, iris: Iris): Promise<string[]> {
  const prefix = iris.articleGraph("");
  return (await store.graphs()).filter((g) => g.startsWith(prefix));
}

/** The agent IRI of this version (what `Fingerprint.agent` is compared with). */
export const currentAgent = (iris: Iris): string => agentIri(iris);
