/** The CONSTRUCT queries that describe a dereferenced IRI (its linked-data document and page). */
import { ENTITY_PATH, entityDescribeQuery } from "./program-data.js";
import { iriRef, literal } from "./select.js";

/** The description of an entity: its statements and those of its fragment IRIs, both ways one hop. */
export function describeQuery(iri: string): string {
  const s = iriRef(iri);
  return `CONSTRUCT { ${s} ?p ?o . ?x ?q ?y . ?in ?r ${s} } WHERE {
  { ${s} ?p ?o }
  UNION { ${s} ?p0 ?x . FILTER (isIRI(?x) && STRSTARTS(STR(?x), ${literal(`${iri}#`)})) ?x ?q ?y }
  UNION { SELECT ?in ?r WHERE { ?in ?r ${s} } LIMIT 500 }
}`;
}

/** The CONSTRUCT that describes the IRI of a request path (programs and organisations with their facts). */
export function describeText(iri: string, path: string): string {
  return ENTITY_PATH.test(path) ? entityDescribeQuery(iri) : describeQuery(iri);
}
