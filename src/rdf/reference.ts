/**
 * Resources of the shared reference graph (`iris.referenceGraph`): the data sets and their
 * structures (cube.ts), the indicator, unit, program and organisation schemes, the places used
 * with their ancestors (place-resources.ts) and the periods (period-resources.ts). Each
 * resource is written by one function, keyed by its IRI, so a builder can collect each one
 * once across a whole corpus.
 */
import type * as RDF from "@rdfjs/types";
import { loadGazetteer } from "../extract/gazetteer.js";
import type { Extraction, PlaceRef } from "../types.js";
import { cubeQuads } from "./cube.js";
import type { Iris } from "./iri.js";
import { hasYears, periodQuads } from "./period-resources.js";
import { placeQuads, placeSchemeQuads, placeWithAncestors } from "./place-resources.js";
import { loadPrograms, organisationSchemeQuads, programSchemeQuads } from "./program-scheme.js";
import { indicatorSchemeQuads, loadIndicators, loadUnits, unitSchemeQuads } from "./schemes.js";

// ---------------------------------------------------------------- all of it

/** The scheme resources by base IRI: the same for every article of a build (written once per thread). */
const SCHEMES = new Map<string, ReadonlyMap<string, RDF.Quad[]>>();

/** The resources every reference graph holds: the data structures and the five schemes (a new map each call). */
export function schemeResources(iris: Iris): Map<string, RDF.Quad[]> {
  let schemes = SCHEMES.get(iris.base);
  if (schemes === undefined) {
    schemes = writeSchemeResources(iris);
    SCHEMES.set(iris.base, schemes);
  }
  return new Map(schemes);
}

function writeSchemeResources(iris: Iris): Map<string, RDF.Quad[]> {
  const graph = iris.referenceGraph;
  const { programs, organisations } = loadPrograms();
  return new Map([
    [iris.structure, cubeQuads(iris)],
    [iris.indicatorScheme, indicatorSchemeQuads(loadIndicators(), { iris, graph })],
    [iris.unitScheme, unitSchemeQuads(loadUnits(), { iris, graph })],
    [iris.placeScheme, placeSchemeQuads(iris)],
    [iris.programScheme, programSchemeQuads(programs, { iris, graph })],
    [iris.organisationScheme, organisationSchemeQuads(organisations, { iris, graph })],
  ]);
}

/**
 * The reference resources for the place and period IRIs that article graphs use (as found in
 * a store): places with their ancestors from the gazetteer, periods from their IRIs
 * (`period/2016-2020`). Unknown places and malformed periods are left out.
 */
export function referenceFor(used: Iterable<string>, iris: Iris): Map<string, RDF.Quad[]> {
  const out = schemeResources(iris);
  const placePrefix = `${iris.base}place/`;
  const periodPrefix = `${iris.base}period/`;
  const gazetteer = loadGazetteer();
  for (const iri of used) {
    if (iri.startsWith(placePrefix)) {
      const known = gazetteer.byCode(decodeURIComponent(iri.slice(placePrefix.length)));
      if (known === undefined || out.has(iri)) continue;
      for (const entry of placeWithAncestors(known))
        if (!out.has(iris.place(entry.place.code))) out.set(iris.place(entry.place.code), placeQuads(entry, iris));
    } else if (iri.startsWith(periodPrefix)) {
      const m = /^(\d{4})?-(\d{4})?$/u.exec(iri.slice(periodPrefix.length));
      if (m === null || (m[1] === undefined && m[2] === undefined)) continue;
      const period = {
        ...(m[1] !== undefined ? { start: Number(m[1]) } : {}),
        ...(m[2] !== undefined ? { end: Number(m[2]) } : {}),
        phrase: "",
      };
      out.set(iri, periodQuads(period, iris));
    }
  }
  return out;
}

/**
 * Every reference resource an extraction uses, keyed by IRI: the data sets and structures,
 * the whole indicator and unit schemes (code lists of the cube), the place scheme with the
 * places used and their ancestors, and the periods. A caller merges them over many articles
 * and writes each once.
 */
export function referenceResources(x: Extraction, iris: Iris): Map<string, RDF.Quad[]> {
  const out = new Map<string, RDF.Quad[]>();
  const put = (key: string, make: () => RDF.Quad[]) => {
    if (!out.has(key)) out.set(key, make());
  };
  for (const [k, v] of schemeResources(iris)) put(k, () => v);
  const place = (p: PlaceRef) => {
    if (out.has(iris.place(p.code))) return;
    for (const entry of placeWithAncestors(p)) put(iris.place(entry.place.code), () => placeQuads(entry, iris));
  };
  if (x.mainPlace) place(x.mainPlace);
  for (const m of x.places) place(m.place);
  for (const p of x.programs) if (p.place !== undefined) place(p.place);
  for (const o of x.observations) {
    if (o.place) place(o.place);
    const period = o.period;
    if (period && hasYears(period)) put(iris.period(period.start, period.end), () => periodQuads(period, iris));
  }
  return out;
}
