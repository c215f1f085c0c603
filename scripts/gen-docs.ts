/**
 * Writes docs/ontology.md from the ontology files (kg.ttl, dsd.ttl, indicators.ttl, units.ttl,
 * places.ttl, shapes.ttl): classes, properties, code lists, data sets, indicators and units with
 * their labels. Run after changing any of them:
 *
 *   node --import tsx scripts/gen-docs.ts
 *
 * test/ontology.test.ts fails when docs/ontology.md is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type * as RDF from "@rdfjs/types";
import { Parser } from "n3";
import { DEFAULT_BASE } from "../src/rdf/iri.js";
import { KG as KG_NS, PREFIXES, QUDT_UNIT, SH, WD } from "../src/rdf/vocab.js";

const root = new URL("../", import.meta.url);
/** The ontology files the page is made from. */
export const SOURCES = [
  "ontology/kg.ttl",
  "ontology/dsd.ttl",
  "ontology/indicators.ttl",
  "ontology/units.ttl",
  "ontology/programs.ttl",
  "ontology/places.ttl",
  "ontology/shapes.ttl",
] as const;
export const DOCS_FILE = "docs/ontology.md";

const RDF_TYPE = `${PREFIXES.rdf}type`;
const LABEL = `${PREFIXES.rdfs}label`;
const COMMENT = `${PREFIXES.rdfs}comment`;
const PREF = `${PREFIXES.skos}prefLabel`;
const NOTATION = `${PREFIXES.skos}notation`;
const IN_SCHEME = `${PREFIXES.skos}inScheme`;
const KG = KG_NS.$;

const SHORT: Readonly<Record<string, string>> = {
  ...PREFIXES,
  kg: KG,
  indicator: `${DEFAULT_BASE}indicator/`,
  unit: `${DEFAULT_BASE}unit/`,
  program: `${DEFAULT_BASE}program/`,
  organisation: `${DEFAULT_BASE}organisation/`,
  scheme: `${DEFAULT_BASE}scheme/`,
  structure: `${DEFAULT_BASE}structure/`,
  dataset: `${DEFAULT_BASE}dataset/`,
  qudt: QUDT_UNIT.$,
  wd: WD.$,
  sh: SH.$,
};

/** A compact name for an IRI (`kg:Place`, `unit:CNY`). */
function curie(iri: string): string {
  let best: [string, string] | undefined;
  for (const [p, ns] of Object.entries(SHORT))
    if (iri.startsWith(ns) && (best === undefined || ns.length > best[1].length)) best = [p, ns];
  return best === undefined ? `<${iri}>` : `${best[0]}:${iri.slice(best[1].length)}`;
}

class Graph {
  readonly #quads: RDF.Quad[];
  constructor(quads: RDF.Quad[]) {
    this.#quads = quads;
  }
  values(s: string, p: string): RDF.Term[] {
    return this.#quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
  }
  text(s: string, p: string, lang?: string): string {
    const t = this.values(s, p).find(
      (o) => o.termType === "Literal" && (lang === undefined || o.language.toLowerCase() === lang.toLowerCase()),
    );
    return t?.value.replaceAll("|", "\\|").replaceAll("\n", " ") ?? "";
  }
  subjectsOfType(type: string): string[] {
    const out = this.#quads
      .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type && q.subject.termType === "NamedNode")
      .map((q) => q.subject.value);
    return [...new Set(out)];
  }
  count(p: string, o?: string): number {
    return this.#quads.filter((q) => q.predicate.value === p && (o === undefined || q.object.value === o)).length;
  }
}

const read = (file: string) => new Parser({ format: "text/turtle" }).parse(readFileSync(new URL(file, root), "utf8"));

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** The Markdown text of docs/ontology.md. */
export function ontologyMarkdown(): string {
  const kg = new Graph(read("ontology/kg.ttl"));
  const dsd = new Graph(read("ontology/dsd.ttl"));
  const ind = new Graph(read("ontology/indicators.ttl"));
  const units = new Graph(read("ontology/units.ttl"));
  const places = new Graph(read("ontology/places.ttl"));
  const programs = new Graph(read("ontology/programs.ttl"));
  const programList = programs.subjectsOfType(`${KG}Program`);
  const organisationList = programs.subjectsOfType(`${KG}Organisation`);
  const conceptRows = (list: string[]) =>
    list.map((s) => [
      `\`${curie(s)}\``,
      programs.text(s, PREF, "zh-Hans"),
      programs.text(s, PREF, "zh-Hant"),
      programs.text(s, PREF, "en"),
      programs
        .values(s, `${PREFIXES.skos}broader`)
        .map((t) => `\`${curie(t.value)}\``)
        .join(", "),
      programs
        .values(s, `${PREFIXES.skos}altLabel`)
        .map((t) => t.value)
        .join(" / "),
    ]);
  const shapes = new Graph(read("ontology/shapes.ttl"));
  const labelled = (g: Graph, s: string) => [
    `\`${curie(s)}\``,
    g.text(s, LABEL, "en"),
    g.text(s, LABEL, "zh-Hans"),
    g.text(s, COMMENT, "en"),
  ];
  const byName = (a: string, b: string) => (curie(a) < curie(b) ? -1 : 1);

  const classes = kg.subjectsOfType(`${PREFIXES.owl}Class`).sort(byName);
  const properties = [
    ...new Set([
      ...kg.subjectsOfType(`${PREFIXES.owl}ObjectProperty`),
      ...kg.subjectsOfType(`${PREFIXES.owl}DatatypeProperty`),
    ]),
  ].sort(byName);
  const components = [
    ...new Set([
      ...kg.subjectsOfType(`${PREFIXES.qb}DimensionProperty`),
      ...kg.subjectsOfType(`${PREFIXES.qb}MeasureProperty`),
      ...kg.subjectsOfType(`${PREFIXES.qb}AttributeProperty`),
    ]),
  ].sort(byName);
  const kind = (s: string) =>
    kg
      .values(s, RDF_TYPE)
      .map((t) => t.value)
      .filter((t) => t.startsWith(PREFIXES.qb ?? "") && t.endsWith("Property") && !t.endsWith("CodedProperty"))
      .map(curie)
      .join(", ");
  const individuals = kg.subjectsOfType(`${PREFIXES.owl}NamedIndividual`);
  const structures = dsd.subjectsOfType(`${PREFIXES.qb}DataStructureDefinition`).sort(byName);
  const datasets = dsd.subjectsOfType(`${PREFIXES.qb}DataSet`).sort(byName);
  const indicators = ind.subjectsOfType(`${KG}Indicator`);
  const unitList = units.subjectsOfType(`${KG}Unit`);
  const levelCount = (level: string) => places.count(`${KG}level`, `${KG}${level}`);

  const parts = [
    "# The article-kg ontology",
    "",
    `GENERATED by scripts/gen-docs.ts from ${SOURCES.join(", ")}. Do not edit by hand; run`,
    "`node --import tsx scripts/gen-docs.ts`.",
    "",
    `Namespace: \`kg:\` = <${KG}>. Data sets, schemes and codes hang off <${DEFAULT_BASE}>.`,
    "",
    "## Classes",
    "",
    table(
      ["term", "label (en)", "label (zh)", "comment"],
      classes.map((s) => labelled(kg, s)),
    ),
    "",
    "## Data Cube components",
    "",
    "Every observation is a `qb:Observation` in the data set whose structure has exactly its dimensions",
    "(see *Data sets*). `kg:sourceMention` is a dimension so that conflicting values of the same place,",
    "indicator and period stay side by side, each with its provenance.",
    "",
    table(
      ["term", "component", "label (en)", "label (zh)", "comment"],
      components.map((s) => {
        const [t, en, zh, c] = labelled(kg, s);
        return [t ?? "", kind(s), en ?? "", zh ?? "", c ?? ""];
      }),
    ),
    "",
    "## Other properties",
    "",
    table(
      ["term", "label (en)", "label (zh)", "comment"],
      properties.filter((p) => !components.includes(p)).map((s) => labelled(kg, s)),
    ),
    "",
    "## Code lists of the attributes and places",
    "",
    table(
      ["code", "scheme", "notation", "label (en)", "label (zh)"],
      individuals.sort(byName).map((s) => [
        `\`${curie(s)}\``,
        kg
          .values(s, IN_SCHEME)
          .map((t) => curie(t.value))
          .join(", "),
        kg.text(s, NOTATION),
        kg.text(s, LABEL, "en"),
        kg.text(s, LABEL, "zh-Hans"),
      ]),
    ),
    "",
    "## Data sets and structures",
    "",
    table(
      ["data set", "structure", "title (en)", "dimensions"],
      datasets.map((d) => {
        const s = dsd.values(d, `${PREFIXES.qb}structure`)[0]?.value ?? "";
        const dims = dsd
          .values(s, `${PREFIXES.qb}component`)
          .flatMap((c) => dsd.values(c.value, `${PREFIXES.qb}dimension`))
          .map((t) => `\`${curie(t.value)}\``);
        return [`\`${curie(d)}\``, `\`${curie(s)}\``, dsd.text(d, `${PREFIXES.dcterms}title`, "en"), dims.join(", ")];
      }),
    ),
    "",
    `${structures.length} structures; measure \`sdmx-measure:obsValue\`; attributes \`sdmx-attribute:unitMeasure\``,
    "(required), `kg:observationKind`, `kg:approximation`, `kg:bound`, `kg:direction`.",
    "",
    `## Indicators (${indicators.length}, scheme \`scheme:indicators\`)`,
    "",
    table(
      ["notation", "zh-Hans", "zh-Hant", "en", "unit", "cumulative", "broader"],
      indicators.map((s) => [
        `\`${ind.text(s, NOTATION)}\``,
        ind.text(s, PREF, "zh-Hans"),
        ind.text(s, PREF, "zh-Hant"),
        ind.text(s, PREF, "en"),
        ind
          .values(s, `${KG}expectedUnit`)
          .map((t) => curie(t.value))
          .join(", "),
        ind.text(s, `${KG}cumulative`),
        ind
          .values(s, `${PREFIXES.skos}broader`)
          .map((t) => curie(t.value))
          .join(", "),
      ]),
    ),
    "",
    `## Units (${unitList.length}, scheme \`scheme:units\`)`,
    "",
    table(
      ["code", "zh-Hans", "zh-Hant", "en", "exact matches"],
      unitList.map((s) => [
        `\`${units.text(s, NOTATION)}\``,
        units.text(s, PREF, "zh-Hans"),
        units.text(s, PREF, "zh-Hant"),
        units.text(s, PREF, "en"),
        units
          .values(s, `${PREFIXES.skos}exactMatch`)
          .map((t) => curie(t.value))
          .join(", "),
      ]),
    ),
    "",
    `## Programs (${programList.length}, scheme \`scheme:programs\`, ontology/programs.ttl)`,
    "",
    "National programs, policies and mechanisms. Observations link to those that govern them",
    "(`kg:program`); an indicator may imply one (`kg:impliesProgram`). Local programs are not in the",
    "scheme: the extractor recognises them by shape and mints `program/local/<province code>/<name>`.",
    "",
    table(["program", "zh-Hans", "zh-Hant", "en", "broader", "alternative labels"], conceptRows(programList)),
    "",
    `## Organisations (${organisationList.length}, scheme \`scheme:organisations\`, ontology/programs.ttl)`,
    "",
    "National bodies and banks. Local government offices are `organisation/<place code>/<office>`;",
    "companies, banks and universities named after a place are `organisation/<name>`. Observations link",
    "to them with `kg:organisation` and a role (`kg:implementer`, `kg:donor`, `kg:recipient`, `kg:reportedBy`).",
    "",
    table(["organisation", "zh-Hans", "zh-Hant", "en", "broader", "alternative labels"], conceptRows(organisationList)),
    "",
    "## Places (scheme `scheme:places`, ontology/places.ttl)",
    "",
    `Generated from the gazetteer: ${levelCount("Province")} province-level, ${levelCount("Prefecture")} prefecture-level`,
    `and ${levelCount("County")} county-level divisions of GB/T 2260, each with its code (\`skos:notation\`), names in`,
    "zh-Hans and zh-Hant, level, type (`kg:divisionType`) and parent (`schema:containedInPlace`, `skos:broader`).",
    "A build's reference graph holds only the places it uses and their ancestors; `build --all-places` loads all.",
    "",
    "## SHACL shapes (ontology/shapes.ttl)",
    "",
    table(
      ["shape", "targets", "property shapes"],
      shapes
        .subjectsOfType(SH.NodeShape)
        .sort(byName)
        .map((s) => [
          `\`${curie(s)}\``,
          (["targetClass", "targetObjectsOf"] as const)
            .flatMap((p) => shapes.values(s, SH[p]))
            .map((t) => `\`${curie(t.value)}\``)
            .join(", "),
          String(shapes.values(s, SH.property).length),
        ]),
    ),
    "",
  ];
  return parts.join("\n");
}

function main(): void {
  writeFileSync(new URL(DOCS_FILE, root), ontologyMarkdown());
  console.log(`wrote ${DOCS_FILE}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
