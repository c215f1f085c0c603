/**
 * The W3C RDF Data Cube integrity constraints IC-1 … IC-21 (Recommendation, section 11.1),
 * each a SPARQL query in `ic/ic-NN.rq`, run after the normalisation of section 10.2
 * (`ic/normalize-*.ru`, SPARQL UPDATE) on a copy of the graph in a fresh store: the store
 * being validated is never changed.
 */
import { readdirSync, readFileSync } from "node:fs";
import type * as RDF from "@rdfjs/types";
import { DataFactory } from "n3";
import { KgError } from "../errors.js";
import { KgStore } from "../store/index.js";
import type { Finding } from "./findings.js";
import { termKey } from "./spans.js";

const DIR = new URL("./ic/", import.meta.url);

/** One integrity constraint: its number, title and query (a template when `params` is set). */
export interface IntegrityConstraint {
  /** "IC-1" … "IC-21". */
  readonly id: string;
  readonly title: string;
  /** A SELECT whose ?node is the offending node and ?detail, if bound, the other term involved. */
  readonly query: string;
  /** For IC-20 and IC-21: a SELECT of the ?p to instantiate the template's `$p` with. */
  readonly params?: string;
}

const read = (name: string) => readFileSync(new URL(name, DIR), "utf8");

/** The 21 constraints, read from `ic/` once. */
export const INTEGRITY_CONSTRAINTS: readonly IntegrityConstraint[] = readdirSync(DIR)
  .filter((f) => /^ic-\d\d\.rq$/u.test(f))
  .sort()
  .map((f) => {
    const text = read(f);
    const head = /^# (IC-\d+)\. (.+)$/mu.exec(text);
    if (!head?.[1] || !head[2])
      throw new KgError("E_VALIDATION", `src/validate/ic/${f}: first line must be "# IC-N. Title".`);
    const paramsFile = f.replace(".rq", ".params.rq");
    const params = readdirSync(DIR).includes(paramsFile) ? read(paramsFile) : undefined;
    return { id: head[1], title: head[2], query: text, ...(params === undefined ? {} : { params }) };
  });

/** The normalisation updates of section 10.2, in order (phase 1, phase 2). */
export const NORMALIZATION: readonly string[] = ["normalize-1.ru", "normalize-2.ru"].map(read);

/** A normalised copy of the quads: every quad in the default graph of a fresh store, then the updates run. */
export function normalisedCopy(quads: Iterable<RDF.Quad>): KgStore {
  const copy = KgStore.memory();
  const dg = DataFactory.defaultGraph();
  copy.loadQuads(
    (function* () {
      for (const q of quads) yield DataFactory.quad(q.subject, q.predicate, q.object, dg);
    })(),
  );
  for (const update of NORMALIZATION) copy.update(update);
  return copy;
}

/** The queries a constraint runs: itself, or one per parameter of its template. */
function instances(store: KgStore, ic: IntegrityConstraint): string[] {
  if (ic.params === undefined) return [ic.query];
  const result = store.query(ic.params);
  if (result.kind !== "bindings") return [];
  return result.rows.flatMap((row) => {
    const p = row.get("p");
    return p?.termType === "NamedNode" ? [ic.query.replaceAll("$p", p.value)] : [];
  });
}

/** Runs every integrity constraint on a normalised store; one finding per offending node. */
export function checkIntegrity(normalised: KgStore): Finding[] {
  const out: Finding[] = [];
  for (const ic of INTEGRITY_CONSTRAINTS) {
    const seen = new Set<string>();
    for (const query of instances(normalised, ic)) {
      const result = normalised.query(query);
      if (result.kind !== "bindings") continue;
      for (const row of result.rows) {
        const node = termKey(row.get("node"));
        const detail = row.get("detail");
        const value = detail === undefined ? undefined : termKey(detail);
        // IC-12 finds each duplicate pair twice (a, b) and (b, a): report it once.
        const key = ic.id === "IC-12" && value !== undefined ? [node, value].sort().join(" ") : `${node} ${value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          severity: "violation",
          constraint: ic.id,
          title: ic.title,
          node,
          message: messageOf(ic, value),
          ...(value === undefined ? {} : { value }),
        });
      }
    }
  }
  return out;
}

function messageOf(ic: IntegrityConstraint, value: string | undefined): string {
  switch (ic.id) {
    case "IC-11":
      return `no value for the dimension ${value} of its data set's structure.`;
    case "IC-12":
      return `same values for all dimensions as ${value} in the same data set.`;
    case "IC-13":
      return `no value for the required attribute ${value}.`;
    case "IC-14":
      return `no value for the measure ${value}.`;
    case "IC-19":
    case "IC-20":
    case "IC-21":
      return `the dimension value ${value} is not in the dimension's code list.`;
    default:
      return `${ic.title}.`;
  }
}
