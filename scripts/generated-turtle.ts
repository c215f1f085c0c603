/** Writes generated Turtle files: a header saying where they come from, prefixes, subjects grouped. */
import type * as RDF from "@rdfjs/types";
import { DataFactory, Writer } from "n3";
import { withCanonicalLanguage } from "../src/rdf/language.js";

/** Quads with each subject's quads together, in order of first appearance (readable Turtle). */
export function bySubject(quads: readonly RDF.Quad[]): RDF.Quad[] {
  const groups = new Map<string, RDF.Quad[]>();
  for (const q of quads) {
    const group = groups.get(q.subject.value);
    if (group) group.push(q);
    else groups.set(q.subject.value, [q]);
  }
  return [...groups.values()].flat();
}

/**
 * Turtle text of `quads` with `prefixes`, after a comment header of `headerLines`. Language
 * tags are written in BCP 47 case (`@zh-Hans`, `@zh-Hant`): n3's parser and factory lower-case
 * them, which RDF allows but readers of the files should not see.
 */
export function generatedTurtle(
  quads: readonly RDF.Quad[],
  prefixes: Readonly<Record<string, string | undefined>>,
  headerLines: readonly string[],
): Promise<string> {
  const writer = new Writer({
    prefixes: Object.fromEntries(Object.entries(prefixes).filter((e): e is [string, string] => e[1] !== undefined)),
  });
  for (const q of bySubject(quads))
    writer.addQuad(DataFactory.quad(q.subject, q.predicate, withCanonicalLanguage(q.object), q.graph));
  const header = [...headerLines.map((l) => `# ${l}`), "", ""].join("\n");
  return new Promise((resolve, reject) =>
    writer.end((error, result: string) => (error ? reject(error) : resolve(header + result))),
  );
}
