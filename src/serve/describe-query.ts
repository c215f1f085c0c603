/**
 * The CONSTRUCT queries that describe a dereferenced IRI (its linked-data document and page).
 * The IRI is bound through the parsed query (src/query/bind.ts), never pasted into its text.
 */
import { bindTerms, iriTerm, stringTerm } from "../query/bind.js";
import { ENTITY_PATH, entityDescribeQuery } from "./program-data.js";

/** The description of an entity: its statements and those of its fragment IRIs, both ways one hop. */
export function describeQuery(iri: string): string {
  return bindTerms(
    `CONSTRUCT { ?entity ?p ?o . ?x ?q ?y . ?in ?r ?entity } WHERE {
  { ?entity ?p ?o }
  UNION { ?entity ?p0 ?x . FILTER (isIRI(?x) && STRSTARTS(STR(?x), ?fragments)) ?x ?q ?y }
  UNION { SELECT ?in ?r WHERE { ?in ?r ?entity } LIMIT 500 }
}`,
    { entity: iriTerm(iri), fragments: stringTerm(`${iri}#`) },
  );
}

/** The CONSTRUCT that describes the IRI of a request path (programs and organisations with their facts). */
export function describeText(iri: string, path: string, prefixes: Readonly<Record<string, string>>): string {
  return ENTITY_PATH.test(path) ? entityDescribeQuery(iri, prefixes) : describeQuery(iri);
}
