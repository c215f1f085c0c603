/** Prefixes for output and queries: the standard ones plus `kg:` and the project's own namespaces. */
import type { Iris } from "./iri.js";
import { PREFIXES } from "./vocab.js";

/** Every prefix the project writes, for a base. */
export function prefixesFor(iris: Iris): Record<string, string> {
  return {
    ...PREFIXES,
    kg: iris.kg.$,
    place: `${iris.base}place/`,
    indicator: `${iris.base}indicator/`,
    unit: `${iris.base}unit/`,
    period: `${iris.base}period/`,
    program: `${iris.base}program/`,
    organisation: `${iris.base}organisation/`,
    article: `${iris.base}article/`,
  };
}

/** The prefixes as SPARQL `PREFIX` declarations on ONE line (so error lines shift by exactly one). */
export function sparqlPrologue(prefixes: Readonly<Record<string, string>>): string {
  return Object.entries(prefixes)
    .map(([p, ns]) => `PREFIX ${p}: <${ns}>`)
    .join(" ");
}
