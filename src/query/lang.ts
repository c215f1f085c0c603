/**
 * `LANG()` in the conventional case of the tag. The store keeps tags lower-cased
 * (`zh-hans`), so `FILTER(lang(?l) = "zh-Hans")` would never match; a query that calls LANG
 * is rewritten through its sparqljs tree so that LANG gives `zh-Hans`, `zh-Hant`, `en-US`
 * (language lower, a four-letter script title-cased, a two-letter region upper-cased).
 */
import sparqljs from "sparqljs";
import { XSD } from "../rdf/vocab.js";

type Expr = sparqljs.Expression;

const str = (value: string): Expr =>
  ({
    termType: "Literal",
    value,
    language: "",
    datatype: { termType: "NamedNode", value: XSD.string },
  }) as unknown as Expr;
const int = (value: number): Expr =>
  ({
    termType: "Literal",
    value: String(value),
    language: "",
    datatype: { termType: "NamedNode", value: XSD.integer },
  }) as unknown as Expr;
const op = (operator: string, ...args: Expr[]): Expr => ({ type: "operation", operator, args }) as Expr;

/** `a` up to the first hyphen (all of it when there is none). */
const head = (a: Expr) => op("if", op("contains", a, str("-")), op("strbefore", a, str("-")), a);
/** `a` after the first hyphen ("" when there is none). */
const tail = (a: Expr) => op("strafter", a, str("-"));
const title = (a: Expr) => op("concat", op("ucase", op("substr", a, int(1), int(1))), op("substr", a, int(2)));
/** A subtag in its conventional case: 4 letters title case, 2 letters upper case. */
const subtag = (a: Expr) =>
  op(
    "if",
    op("=", op("strlen", a), int(4)),
    title(a),
    op("if", op("&&", op("=", op("strlen", a), int(2)), op("regex", a, str("^[a-zA-Z]+$"))), op("ucase", a), a),
  );
const joined = (a: Expr, b: Expr) => op("if", op("=", b, str("")), a, op("concat", a, str("-"), b));

/** The SPARQL expression of LANG(x) in conventional case (first three subtags; the rest unchanged). */
function canonicalLang(arg: Expr): Expr {
  const t = op("lang", arg);
  const rest1 = tail(t);
  const rest2 = tail(rest1);
  const second = subtag(head(rest1));
  const third = op("if", op("=", op("strlen", head(rest2)), int(2)), op("ucase", head(rest2)), head(rest2));
  return joined(head(t), joined(second, joined(third, tail(rest2))));
}

function rewrite(node: unknown): boolean {
  if (Array.isArray(node)) {
    let changed = false;
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      if (isLang(item)) {
        node[i] = canonicalLang(item.args[0] as Expr);
        changed = true;
      } else if (rewrite(item)) changed = true;
    }
    return changed;
  }
  if (node === null || typeof node !== "object") return false;
  let changed = false;
  for (const [k, v] of Object.entries(node)) {
    if (isLang(v)) {
      (node as Record<string, unknown>)[k] = canonicalLang(v.args[0] as Expr);
      changed = true;
    } else if (rewrite(v)) changed = true;
  }
  return changed;
}

function isLang(x: unknown): x is { type: "operation"; operator: "lang"; args: unknown[] } {
  return (
    typeof x === "object" &&
    x !== null &&
    (x as { type?: unknown }).type === "operation" &&
    (x as { operator?: unknown }).operator === "lang" &&
    Array.isArray((x as { args?: unknown }).args)
  );
}

/**
 * The query with every LANG(x) giving the tag in conventional case; unchanged when it has no
 * LANG call or does not parse (the store then reports the syntax error with its position).
 */
export function withCanonicalLang(text: string, prefixes: Readonly<Record<string, string>> = {}): string {
  if (!/\blang\s*\(/iu.test(text)) return text;
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = new sparqljs.Parser({ prefixes: { ...prefixes } }).parse(text);
  } catch {
    return text;
  }
  return rewrite(parsed) ? new sparqljs.Generator().stringify(parsed) : text;
}
