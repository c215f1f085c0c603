/**
 * Checks a SPARQL query with sparqljs before it reaches the store, to report syntax errors
 * with a line and a column, and to know its form (the variables of a SELECT in order).
 */
import sparqljs from "sparqljs";
import { KgError } from "../errors.js";

/** What the store needs to know about a parsed query. */
export interface ParsedQuery {
  readonly form: "SELECT" | "ASK" | "CONSTRUCT" | "DESCRIBE" | "UPDATE";
  /** Projected variables of a SELECT, in order (empty for `SELECT *`: taken from the results). */
  readonly variables: readonly string[];
}

interface JisonHash {
  readonly line?: number;
  readonly text?: string;
  readonly loc?: { first_line: number; first_column: number; last_line: number; last_column: number };
}

/**
 * Parses a query; a syntax error becomes KgError E_SPARQL_SYNTAX with a 1-based line and column.
 * `lineOffset` lines at the top (a prologue added by the caller) are subtracted from the line.
 */
export function parseSparql(text: string, lineOffset = 0): ParsedQuery {
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = new sparqljs.Parser().parse(text);
  } catch (e) {
    throw syntaxError(e, text, lineOffset);
  }
  if (parsed.type === "update") return { form: "UPDATE", variables: [] };
  const form = parsed.queryType;
  const variables =
    parsed.queryType === "SELECT"
      ? parsed.variables.flatMap((v) =>
          "termType" in v ? (v.termType === "Variable" ? [v.value] : []) : [v.variable.value],
        )
      : [];
  return { form, variables };
}

function syntaxError(e: unknown, text: string, lineOffset: number): KgError {
  const message = e instanceof Error ? e.message : String(e);
  const hash = (e as { hash?: JisonHash }).hash;
  if (hash?.line === undefined) {
    return new KgError("E_SPARQL_SYNTAX", `SPARQL: ${message.split("\n")[0]}`, { cause: e });
  }
  // jison reports the lookahead token's line (0-based) and the previous token's location:
  // find the offending token on its line, after the previous token when on the same line.
  const lineIndex = hash.line;
  const lineText = text.split("\n")[lineIndex] ?? "";
  const from = hash.loc && hash.loc.last_line - 1 === lineIndex ? hash.loc.last_column : 0;
  const found = hash.text ? lineText.indexOf(hash.text, from) : -1;
  const column = (found >= 0 ? found : from) + 1;
  const line = lineIndex + 1 - lineOffset;
  const expected = /Expecting (.*), got (.*)$/u.exec(message);
  const detail = expected
    ? `unexpected ${expected[2]}; expected ${shorten(expected[1] ?? "")}`
    : (message.split("\n").at(-1) ?? message);
  return new KgError("E_SPARQL_SYNTAX", `line ${line}, column ${column}: ${detail}`, {
    context: { line, column },
    cause: e,
  });
}

function shorten(list: string): string {
  const items = list.split(", ");
  return items.length > 6 ? `${items.slice(0, 6).join(", ")}, …` : list;
}
