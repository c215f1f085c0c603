/**
 * Writes ontology/dsd.ttl (the data sets, their structures and the component properties, from
 * src/rdf/cube.ts) and ontology/places.ttl (the place code list: every GB/T 2260
 * division of the gazetteer, from src/extract/gazetteer.ts). Run after changing either:
 *
 *   node --import tsx scripts/gen-structure.ts
 *
 * test/ontology.test.ts fails when the Turtle files are out of date.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type * as RDF from "@rdfjs/types";
import { DataFactory } from "n3";
import { placeCodeList } from "../src/extract/gazetteer.js";
import { cubeQuads } from "../src/rdf/cube.js";
import { iris as makeIris } from "../src/rdf/iri.js";
import { placeQuads, placeSchemeQuads } from "../src/rdf/place-resources.js";
import { PREFIXES } from "../src/rdf/vocab.js";
import { generatedTurtle } from "./generated-turtle.js";

/** The generated files, relative to the repository root, with what they are made from. */
export const GENERATED_STRUCTURE = {
  dsd: { file: "ontology/dsd.ttl", source: "src/rdf/cube.ts (cubeQuads)" },
  places: { file: "ontology/places.ttl", source: "the gazetteer (src/extract/gazetteer.ts, placeCodeList)" },
} as const;
export type StructureName = keyof typeof GENERATED_STRUCTURE;

/** The triples of one generated file, in the default graph, under the default base. */
export function structureFileQuads(name: StructureName): RDF.Quad[] {
  const ir = makeIris();
  const quads =
    name === "dsd"
      ? cubeQuads(ir)
      : [
          ...placeSchemeQuads(ir),
          ...[...placeCodeList()].flatMap((p) => placeQuads({ place: p.place, hant: p.hant }, ir)),
        ];
  return quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
}

/** The Turtle text of one generated file, header comment included. */
export function structureTurtle(name: StructureName): Promise<string> {
  const ir = makeIris();
  const prefixes = {
    ...PREFIXES,
    kg: ir.kg.$,
    scheme: `${ir.base}scheme/`,
    place: `${ir.base}place/`,
    structure: `${ir.base}structure/`,
    dataset: `${ir.base}dataset/`,
  };
  const { source, file } = GENERATED_STRUCTURE[name];
  return generatedTurtle(structureFileQuads(name), prefixes, [
    `${file}: GENERATED from ${source} by scripts/gen-structure.ts.`,
    "Do not edit by hand; run: node --import tsx scripts/gen-structure.ts",
  ]);
}

async function main(): Promise<void> {
  const root = new URL("../", import.meta.url);
  for (const name of Object.keys(GENERATED_STRUCTURE) as StructureName[]) {
    const { file } = GENERATED_STRUCTURE[name];
    writeFileSync(fileURLToPath(new URL(file, root)), await structureTurtle(name));
    console.log(`wrote ${file}`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
