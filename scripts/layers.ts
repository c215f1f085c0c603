/**
 * The import-direction check: every module of src/ belongs to a unit (its top folder, or the
 * file itself at the top of src/), units sit in layers, and an import may only point to its
 * own unit or to a unit of a lower layer. Module-level import cycles are refused too, inside a
 * unit as well. Type-only imports, re-exports and dynamic `import()` all count.
 *
 *   node --import tsx scripts/layers.ts        (run by `npm run check`; test/layers.test.ts too)
 *
 * The scanner is a small tokenizer (comments, strings, templates and regex literals skipped),
 * not a full parser: it finds `import … from "x"`, `export … from "x"`, `import "x"` and
 * `import("x")` with a literal specifier. Only relative specifiers are followed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The layers of src/, bottom first. A unit may import its own modules and those of any unit
 * in a lower layer; units of one layer may not import each other. README.md (Architecture)
 * explains each.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ["errors.ts"],
  ["types.ts"],
  ["data"],
  ["article"],
  ["extract"],
  ["rdf"],
  ["store"],
  ["query"],
  ["export"],
  ["import"],
  ["validate"],
  ["link"],
  ["describe"],
  ["build"],
  ["serve"],
  ["cli", "eval"],
];

/** One import statement of a module. */
export interface ImportRef {
  readonly specifier: string;
  /** 1-based line of the specifier. */
  readonly line: number;
}

/** An import the layer order refuses, or a cycle. */
export interface Violation {
  readonly kind: "backward" | "peer" | "unplaced" | "cycle";
  /** The importing module, relative to the root (`src/rdf/map.ts`). */
  readonly file: string;
  readonly line: number;
  /** The imported module, relative to the root. */
  readonly target: string;
  readonly message: string;
}

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "yield",
  "await",
  "instanceof",
]);

type Token =
  | { readonly kind: "name"; readonly text: string; readonly at: number }
  | { readonly kind: "string"; readonly text: string; readonly at: number }
  | { readonly kind: "punct"; readonly text: string; readonly at: number };

/** The tokens of a module that matter for finding imports (names, string literals, punctuation). */
function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  /** Brace depths at which a template literal resumes (`${ … }`). */
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const last = () => tokens[tokens.length - 1];
  const regexAllowed = () => {
    const t = last();
    if (t === undefined) return true;
    if (t.kind === "string") return false;
    if (t.kind === "name") return KEYWORDS_BEFORE_EXPRESSION.has(t.text);
    return !(t.text === ")" || t.text === "]" || t.text === "}");
  };
  /** Reads a template literal's text from `i` (just after a backtick or a closing `}`). */
  const template = () => {
    while (i < src.length) {
      const c = src[i];
      if (c === "\\") i += 2;
      else if (c === "`") {
        i++;
        tokens.push({ kind: "string", text: "", at: i });
        return;
      } else if (c === "$" && src[i + 1] === "{") {
        i += 2;
        templates.push(depth);
        depth++;
        tokens.push({ kind: "punct", text: "${", at: i });
        return;
      } else i++;
    }
  };
  while (i < src.length) {
    const c = src[i] as string;
    const next = src[i + 1];
    if (c === "/" && next === "/") {
      const end = src.indexOf("\n", i);
      i = end < 0 ? src.length : end;
    } else if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (c === '"' || c === "'") {
      const start = i++;
      let text = "";
      while (i < src.length && src[i] !== c && src[i] !== "\n") {
        if (src[i] === "\\") {
          text += src[i + 1] ?? "";
          i += 2;
        } else text += src[i++];
      }
      i++;
      tokens.push({ kind: "string", text, at: start + 1 });
    } else if (c === "`") {
      i++;
      template();
    } else if (c === "/" && regexAllowed()) {
      i++;
      let inClass = false;
      while (i < src.length && src[i] !== "\n") {
        const r = src[i];
        if (r === "\\") i++;
        else if (r === "[") inClass = true;
        else if (r === "]") inClass = false;
        else if (r === "/" && !inClass) break;
        i++;
      }
      i++;
      while (i < src.length && /[a-z]/u.test(src[i] as string)) i++;
      tokens.push({ kind: "punct", text: "/regex/", at: i });
    } else if (/[A-Za-z_$]/u.test(c)) {
      const start = i;
      while (i < src.length && /[\w$]/u.test(src[i] as string)) i++;
      tokens.push({ kind: "name", text: src.slice(start, i), at: start });
    } else if (/\s/u.test(c)) i++;
    else if (/\d/u.test(c)) {
      while (i < src.length && /[\w.]/u.test(src[i] as string)) i++;
      tokens.push({ kind: "name", text: "0", at: i });
    } else {
      if (c === "{") depth++;
      else if (c === "}") {
        depth--;
        if (templates.length > 0 && templates[templates.length - 1] === depth) {
          templates.pop();
          i++;
          template();
          continue;
        }
      }
      tokens.push({ kind: "punct", text: c, at: i });
      i++;
    }
  }
  return tokens;
}

/** The module specifiers a source text imports or re-exports (static, side-effect and dynamic). */
export function importsOf(src: string): ImportRef[] {
  const tokens = tokenize(src);
  const lineOf = (at: number) => src.slice(0, at).split("\n").length;
  const refs: ImportRef[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const n1 = tokens[k + 1];
    const n2 = tokens[k + 2];
    if (t.kind !== "name") continue;
    // `import "x"` and `… from "x"` (import and export declarations).
    if ((t.text === "from" || t.text === "import") && n1?.kind === "string") {
      const prev = tokens[k - 1];
      // Not a property (`x.from "…"` is no syntax, but `a.import` followed by a string could be).
      if (prev?.kind === "punct" && prev.text === ".") continue;
      refs.push({ specifier: n1.text, line: lineOf(n1.at) });
    } else if (t.text === "import" && n1?.kind === "punct" && n1.text === "(" && n2?.kind === "string") {
      // import("x") — a dynamic import with a literal specifier.
      const prev = tokens[k - 1];
      if (prev?.kind === "punct" && prev.text === ".") continue;
      refs.push({ specifier: n2.text, line: lineOf(n2.at) });
    }
  }
  return refs;
}

/** Extensions of the modules checked. */
const MODULE_FILE = /\.(?:ts|mts|cts|mjs|js)$/u;

function modulesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...modulesUnder(full));
    else if (e.isFile() && MODULE_FILE.test(e.name)) out.push(full);
  }
  return out.sort();
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in the sources), or undefined. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    base.replace(/\.js$/u, ".ts"),
    base.replace(/\.mjs$/u, ".mts"),
    base.replace(/\.cjs$/u, ".cts"),
    `${base}.ts`,
    join(base, "index.ts"),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** The unit of a module under `src`: its top folder, or its own name at the top. */
function unitOf(srcDir: string, file: string): string {
  return relative(srcDir, file).split(sep)[0] as string;
}

/**
 * Checks the modules under `<root>/src` against the layers (default: LAYERS); returns every
 * violation, empty when the tree is in order.
 */
export function checkLayers(root: string, layers: readonly (readonly string[])[] = LAYERS): Violation[] {
  const srcDir = join(root, "src");
  const rank = new Map<string, number>();
  layers.forEach((units, r) => {
    for (const u of units) rank.set(u, r);
  });
  const rel = (f: string) => relative(root, f).split(sep).join("/");
  const violations: Violation[] = [];
  const edges = new Map<string, { target: string; line: number }[]>();
  const files = modulesUnder(srcDir);
  for (const file of files) {
    const from = unitOf(srcDir, file);
    const out: { target: string; line: number }[] = [];
    edges.set(file, out);
    for (const ref of importsOf(readFileSync(file, "utf8"))) {
      if (!ref.specifier.startsWith(".")) continue;
      const target = resolveSpecifier(file, ref.specifier);
      if (target === undefined || !target.startsWith(srcDir + sep)) continue;
      out.push({ target, line: ref.line });
      const to = unitOf(srcDir, target);
      if (to === from) continue;
      const at = `${rel(file)}:${ref.line} imports "${ref.specifier}" (${rel(target)})`;
      const rf = rank.get(from);
      const rt = rank.get(to);
      if (rf === undefined || rt === undefined) {
        const missing = rf === undefined ? from : to;
        violations.push({
          kind: "unplaced",
          file: rel(file),
          line: ref.line,
          target: rel(target),
          message: `${at}: "${missing}" is in no layer; add it to LAYERS in scripts/layers.ts and to the README's layer list.`,
        });
      } else if (rt > rf)
        violations.push({
          kind: "backward",
          file: rel(file),
          line: ref.line,
          target: rel(target),
          message: `${at}: backward import, ${from} (layer ${rf}) may not depend on ${to} (layer ${rt}, above it).`,
        });
      else if (rt === rf)
        violations.push({
          kind: "peer",
          file: rel(file),
          line: ref.line,
          target: rel(target),
          message: `${at}: ${from} and ${to} share layer ${rf} and may not import each other.`,
        });
    }
  }
  for (const cycle of cyclesOf(files, edges)) {
    const first = cycle[0] as { file: string; target: string; line: number };
    violations.push({
      kind: "cycle",
      file: rel(first.file),
      line: first.line,
      target: rel(first.target),
      message: `import cycle: ${cycle.map((e) => `${rel(e.file)}:${e.line}`).join(" → ")} → ${rel(first.file)}`,
    });
  }
  return violations;
}

/** One cycle (as its import edges) per strongly connected group of modules (Tarjan). */
function cyclesOf(
  files: readonly string[],
  edges: ReadonlyMap<string, readonly { target: string; line: number }[]>,
): { file: string; target: string; line: number }[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const { target: w } of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      const selfLoop = (edges.get(v) ?? []).some((e) => e.target === v);
      if (group.length > 1 || selfLoop) groups.push(group);
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  // A path around each group: from its first module, follow edges inside the group back to it.
  return groups.map((group) => {
    const inGroup = new Set(group);
    const start = [...group].sort()[0] as string;
    const path: { file: string; target: string; line: number }[] = [];
    const seen = new Set<string>();
    const walk = (v: string): boolean => {
      seen.add(v);
      for (const e of edges.get(v) ?? []) {
        if (!inGroup.has(e.target)) continue;
        path.push({ file: v, ...e });
        if (e.target === start) return true;
        if (!seen.has(e.target) && walk(e.target)) return true;
        path.pop();
      }
      return false;
    };
    walk(start);
    return path;
  });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const violations = checkLayers(root);
  for (const v of violations) console.error(`layers: ${v.message}`);
  if (violations.length > 0) {
    console.error(
      `layers: ${violations.length} import(s) break the layer order (scripts/layers.ts, README Architecture).`,
    );
    process.exit(1);
  }
  console.log(`layers: ${LAYERS.map((l) => l.join("|")).join(" < ")}: in order, no cycles.`);
}
