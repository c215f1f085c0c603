/** Writes generated Turtle files: a header saying where they come from, prefixes, subjects grouped. */
import type * as RDF from "@rdfjs/types";
import { Writer } from "n3";

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

/** Turtle text of `quads` with `prefixes`, after a comment header of `headerLines`. */
export function generatedTurtle(
  quads: readonly RDF.Quad[],
  prefixes: Readonly<Record<string, string | undefined>>,
  headerLines: readonly string[],
): Promise<string> {
  const writer = new Writer({
    prefixes: Object.fromEntries(Object.entries(prefixes).filter((e): e is [string, string] => e[1] !== undefined)),
  });
  writer.addQuads(bySubject(quads));
  const header = [...headerLines.map((l) => `# ${l}`), "", ""].join("\n");
  return new Promise((resolve, reject) =>
    writer.end((error, result: string) => (error ? reject(error) : resolve(header + result))),
  );
}
