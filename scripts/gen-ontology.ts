/**
 * Writes ontology/indicators.ttl, ontology/units.ttl and ontology/programs.ttl from
 * data/indicators.json, data/units.json and data/programs.json (through src/rdf/schemes.ts and
 * src/rdf/program-scheme.ts). Run after editing the JSON:
 *
 *   node --import tsx scripts/gen-ontology.ts
 *
 * test/schemes.test.ts fails when the Turtle files are out of date.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type * as RDF from "@rdfjs/types";
import { iris as makeIris } from "../src/rdf/iri.js";
import { loadPrograms, organisationSchemeQuads, programSchemeQuads } from "../src/rdf/program-scheme.js";
import { indicatorSchemeQuads, loadIndicators, loadUnits, unitSchemeQuads } from "../src/rdf/schemes.js";
import { PREFIXES, QUDT_UNIT, UN_SDG, WD } from "../src/rdf/vocab.js";
import { generatedTurtle } from "./generated-turtle.js";

/** The generated files, relative to the repository root, with their source. */
export const GENERATED = {
  indicators: { file: "ontology/indicators.ttl", source: "data/indicators.json" },
  units: { file: "ontology/units.ttl", source: "data/units.json" },
  programs: { file: "ontology/programs.ttl", source: "data/programs.json" },
} as const;
export type SchemeName = keyof typeof GENERATED;

/** The quads of one scheme, in the default graph, under the default base. */
export function schemeQuads(name: SchemeName): RDF.Quad[] {
  if (name === "indicators") return indicatorSchemeQuads(loadIndicators());
  if (name === "units") return unitSchemeQuads(loadUnits());
  const { programs, organisations } = loadPrograms();
  return [...programSchemeQuads(programs), ...organisationSchemeQuads(organisations)];
}

/** The Turtle text of one scheme, header comment included. */
export function schemeTurtle(name: SchemeName): Promise<string> {
  const ir = makeIris();
  const { rdf, rdfs, owl, xsd, skos, dcterms } = PREFIXES;
  const prefixes = {
    rdf,
    rdfs,
    owl,
    xsd,
    skos,
    dcterms,
    kg: ir.kg.$,
    scheme: `${ir.base}scheme/`,
    indicator: `${ir.base}indicator/`,
    unit: `${ir.base}unit/`,
    program: `${ir.base}program/`,
    organisation: `${ir.base}organisation/`,
    qudt: QUDT_UNIT.$,
    wd: WD.$,
    sdg: UN_SDG.$,
  };
  const { source, file } = GENERATED[name];
  return generatedTurtle(schemeQuads(name), prefixes, [
    `${file}: GENERATED from ${source} by scripts/gen-ontology.ts. Do not edit by hand;`,
    `edit ${source} and run: node --import tsx scripts/gen-ontology.ts`,
  ]);
}

async function main(): Promise<void> {
  const root = new URL("../", import.meta.url);
  for (const name of Object.keys(GENERATED) as SchemeName[]) {
    const path = fileURLToPath(new URL(GENERATED[name].file, root));
    writeFileSync(path, await schemeTurtle(name));
    console.log(`wrote ${GENERATED[name].file}`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
