/**
 * The package runs on Node 20: every package of the lockfile accepts the oldest Node the
 * project claims (package.json `engines`), so `npm ci` on Node 20 prints no EBADENGINE.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Version = readonly [number, number, number];

function version(text: string): Version {
  const [a = 0, b = 0, c = 0] = text.replace(/^v/u, "").split(".").map(Number);
  return [a, b, c];
}
const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** One comparator of an npm range: >=, >, <=, <, ^, ~, or a (partial) version. */
function satisfiesComparator(v: Version, c: string): boolean {
  const m = /^(>=|<=|>|<|\^|~|=)?\s*v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/u.exec(c);
  if (!m) throw new Error(`cannot read the engine range "${c}"`);
  const [, op = "", maj = "0", min, pat] = m;
  const partial = (s: string | undefined) => s === undefined || s === "x" || s === "*";
  const w: Version = [Number(maj), partial(min) ? 0 : Number(min), partial(pat) ? 0 : Number(pat)];
  switch (op) {
    case ">=":
      return cmp(v, w) >= 0;
    case ">":
      return cmp(v, w) > 0;
    case "<=":
      return cmp(v, w) <= 0;
    case "<":
      return cmp(v, w) < 0;
    case "^":
      return cmp(v, w) >= 0 && v[0] === w[0];
    case "~":
      return cmp(v, w) >= 0 && v[0] === w[0] && (partial(min) || v[1] === w[1]);
    default:
      return v[0] === w[0] && (partial(min) || v[1] === w[1]) && (partial(pat) || v[2] === w[2]);
  }
}

/** Whether a version satisfies an npm range (`a || b`, each a space-separated list of comparators). */
function satisfies(v: string, range: string): boolean {
  if (range.trim() === "*" || range.trim() === "") return true;
  return range.split("||").some((alt) =>
    alt
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/gu, "$1")
      .split(/\s+/u)
      .every((c) => satisfiesComparator(version(v), c)),
  );
}

interface LockPackage {
  readonly version?: string;
  readonly engines?: { readonly node?: string } | readonly string[];
}

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, LockPackage> };
const oldest = /^>=\s*(\d+\.\d+(?:\.\d+)?)$/u.exec(pkg.engines.node)?.[1] ?? "";

describe("Node 20", () => {
  it("the range reader reads npm ranges", () => {
    expect(satisfies("20.19.0", "^20.19.0 || >=22.12.0")).toBe(true);
    expect(satisfies("20.18.0", "^20.19.0 || >=22.12.0")).toBe(false);
    expect(satisfies("20.19.0", ">=22")).toBe(false);
    expect(satisfies("20.19.0", "20 || >=22")).toBe(true);
    expect(satisfies("20.19.0", ">=v12.22.12")).toBe(true);
    expect(satisfies("20.19.0", "^12.22.0 || ^14.17.0 || >=16.0.0")).toBe(true);
    expect(satisfies("20.19.0", ">= 18.0.0 < 21")).toBe(true);
  });

  it("package.json claims a Node 20 release", () => {
    expect(oldest).toMatch(/^20\./u);
  });

  it("every locked package accepts that Node (no EBADENGINE on npm ci)", () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== "")
      .flatMap(([name, p]) => {
        const range = Array.isArray(p.engines) ? undefined : (p.engines as { node?: string } | undefined)?.node;
        return range === undefined || satisfies(oldest, range) ? [] : [`${name}@${p.version}: node ${range}`];
      });
    expect(refusing).toEqual([]);
    expect(Object.keys(lock.packages).length).toBeGreaterThan(100);
  });
});
