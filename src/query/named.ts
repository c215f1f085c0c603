/**
 * Named queries (`queries/NAME.rq`) and their typed parameters. A parameter is declared in the
 * query's header comment, one line each:
 *
 *     # param: place (place code, default 610700) → ?placeCode
 *     # param: indicator (indicator id, optional) → ?indicator
 *
 * and is bound through the sparqljs syntax tree (the VALUES clause of its variable, or a new
 * one), never by pasting text into the query: a value is checked against its type and becomes
 * one RDF term, so quotes, braces or `} ; DROP ALL ; {` stay inside a literal.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type * as RDF from "@rdfjs/types";
import { DataFactory } from "n3";
import sparqljs from "sparqljs";
import { KgError } from "../errors.js";
import { XSD } from "../rdf/vocab.js";

/** Directory of the project's named queries. */
export const NAMED_QUERIES_DIR = new URL("../../queries/", import.meta.url).pathname;

/** Types a parameter can have, as written in the header. */
export const PARAM_TYPES = ["place code", "indicator id", "year", "IRI", "string"] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

/** One declared parameter. */
export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  /** Variable (without `?`) the value is bound to. */
  readonly variable: string;
  /** Default value as a user would write it; absent when the parameter is required or optional. */
  readonly default?: string;
  /** An optional parameter left out binds nothing (every value of the variable). */
  readonly optional?: true;
}

/** A named query: its name, title and parameters. */
export interface NamedQueryInfo {
  readonly name: string;
  readonly title: string;
  readonly params: readonly ParamSpec[];
  readonly file: string;
}

/** Longest value accepted for a string or IRI parameter (characters). */
export const MAX_PARAM_LENGTH = 1000;

const PARAM_LINE =
  /^#\s*param:\s*([A-Za-z][\w-]*)\s*\(\s*(place code|indicator id|year|IRI|string)\s*(?:,\s*(?:default\s+(\S+)|(optional))\s*)?\)\s*(?:→|->)\s*\?(\w+)\s*$/u;

/** The `# param:` lines of a query's header comment; a malformed one is an error (a bug in the file). */
export function paramsOf(text: string, file = "query"): ParamSpec[] {
  const specs: ParamSpec[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("#")) break;
    if (!/^#\s*param:/u.test(line)) continue;
    const m = PARAM_LINE.exec(line.trimEnd());
    if (!m)
      throw new KgError(
        "E_USAGE",
        `${file}: bad parameter line "${line.trim()}"; write "# param: NAME (TYPE[, default VALUE | , optional]) → ?VAR" with TYPE one of ${PARAM_TYPES.join(", ")}.`,
      );
    const [, name = "", type = "string", def, optional, variable = ""] = m;
    const spec: ParamSpec = {
      name,
      type: type as ParamType,
      variable,
      ...(def === undefined ? {} : { default: def }),
      ...(optional === undefined ? {} : { optional: true }),
    };
    if (def !== undefined) termOf(spec, def, file);
    specs.push(spec);
  }
  return specs;
}

/** Title of a query (its `# title:` line), or undefined. */
export function titleOf(text: string): string | undefined {
  return /^#\s*title:\s*(.+)$/mu.exec(text)?.[1]?.trim();
}

/** The named queries of a directory, sorted by name. */
export function listNamedQueries(dir = NAMED_QUERIES_DIR): NamedQueryInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".rq"))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const text = readFileSync(file, "utf8");
      const name = f.slice(0, -3);
      return { name, title: titleOf(text) ?? name, params: paramsOf(text, f), file };
    });
}

/** The file of a named query, if `name` is one (a bare name such as `facts-by-place`). */
export function namedQueryFile(name: string, dir = NAMED_QUERIES_DIR): string | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/u.test(name)) return undefined;
  const file = join(dir, `${name}.rq`);
  return existsSync(file) ? file : undefined;
}

const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|^`\\]+$/iu;

/** Checks a value against its parameter's type and makes it an RDF term. */
export function termOf(spec: ParamSpec, value: string, where = "--param"): RDF.Term {
  const bad = (expected: string) =>
    new KgError(
      "E_USAGE",
      `${where}: ${spec.name} must be ${expected}; got "${value.length > 40 ? `${value.slice(0, 40)}…` : value}".`,
    );
  switch (spec.type) {
    case "place code":
      if (!/^\d{6}$/u.test(value)) throw bad("a six-digit GB/T 2260 code such as 610700");
      return DataFactory.literal(value);
    case "indicator id":
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(value) || value.length > 100)
        throw bad("an indicator id such as poverty-exit-persons");
      return DataFactory.literal(value);
    case "year":
      if (!/^\d{4}$/u.test(value)) throw bad("a four-digit year such as 2019");
      return DataFactory.literal(value, DataFactory.namedNode(XSD.gYear));
    case "IRI":
      if (!IRI.test(value) || value.length > MAX_PARAM_LENGTH) throw bad("an absolute IRI");
      return DataFactory.namedNode(value);
    case "string":
      if (value.length > MAX_PARAM_LENGTH) throw bad(`a string of at most ${MAX_PARAM_LENGTH} characters`);
      return DataFactory.literal(value);
  }
}

/** Splits `NAME=VALUE` options into a record; a repeated or malformed one is a usage error. */
export function parseParamOptions(options: readonly string[]): Record<string, string> {
  const given: Record<string, string> = {};
  for (const o of options) {
    const eq = o.indexOf("=");
    const name = eq > 0 ? o.slice(0, eq) : "";
    if (!/^[A-Za-z][\w-]*$/u.test(name)) throw new KgError("E_USAGE", `--param expects NAME=VALUE; got "${o}".`);
    if (Object.hasOwn(given, name)) throw new KgError("E_USAGE", `--param ${name} is given twice.`);
    given[name] = o.slice(eq + 1);
  }
  return given;
}

type Pattern = sparqljs.Pattern;

/**
 * Binds parameter values into a query: each parameter's VALUES clause gets the value (or the
 * default), through the parsed syntax tree. Unknown names, missing required values and values
 * of the wrong type are usage errors. Returns the query text to run.
 */
export function bindParameters(
  text: string,
  specs: readonly ParamSpec[],
  given: Readonly<Record<string, string>>,
  prefixes: Readonly<Record<string, string>> = {},
): string {
  const unknown = Object.keys(given).filter((n) => !specs.some((s) => s.name === n));
  if (unknown.length > 0)
    throw new KgError(
      "E_USAGE",
      specs.length === 0
        ? `this query declares no parameters; got --param ${unknown[0]}.`
        : `unknown parameter "${unknown[0]}"; this query takes ${specs.map((s) => s.name).join(", ")}.`,
    );
  // Nothing given and every parameter has a default: the file's own VALUES lines hold the defaults.
  if (Object.keys(given).length === 0 && specs.every((s) => s.default !== undefined || s.optional)) return text;
  const terms = new Map<string, RDF.Term>();
  for (const spec of specs) {
    const value = Object.hasOwn(given, spec.name) ? given[spec.name] : spec.default;
    if (value === undefined && spec.optional) continue;
    if (value === undefined)
      throw new KgError("E_USAGE", `parameter "${spec.name}" is required (--param ${spec.name}=…).`);
    terms.set(spec.variable, termOf(spec, value));
  }
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = new sparqljs.Parser({ prefixes: { ...prefixes } }).parse(text);
  } catch {
    return text; // the store reports the syntax error with its line and column
  }
  if (parsed.type !== "query" || parsed.where === undefined)
    throw new KgError("E_USAGE", "parameters can only be bound in a query with a WHERE clause.");
  const bound = new Set<string>();
  bindInPatterns(parsed.where, terms, bound);
  const missing = [...terms.entries()].filter(([v]) => !bound.has(v));
  if (missing.length > 0)
    parsed.where.unshift({
      type: "values",
      values: [Object.fromEntries(missing.map(([v, t]) => [`?${v}`, t]))],
    } as sparqljs.ValuesPattern);
  return new sparqljs.Generator().stringify(parsed);
}

function bindInPatterns(patterns: Pattern[], terms: ReadonlyMap<string, RDF.Term>, bound: Set<string>): void {
  for (const p of patterns) {
    if (p.type === "values") {
      const vars = Object.keys(p.values[0] ?? {});
      const mine = vars.filter((v) => terms.has(v.slice(1)));
      if (mine.length === 0) continue;
      // One row: the bound variables take the value; other columns keep the first row's.
      const row: Record<string, unknown> = { ...(p.values[0] ?? {}) };
      for (const v of mine) {
        row[v] = terms.get(v.slice(1));
        bound.add(v.slice(1));
      }
      p.values = [row as sparqljs.ValuePatternRow];
    } else if ("patterns" in p && Array.isArray(p.patterns)) bindInPatterns(p.patterns as Pattern[], terms, bound);
  }
}
