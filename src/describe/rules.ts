/**
 * The digest of the rules the tool runs with: every data file (lexicons, place names, indicator,
 * unit and program schemes) and ontology file it ships, hashed in a fixed order. It is part of
 * the software agent's IRI, so that a graph made under other rules says so in its provenance,
 * and an incremental build re-extracts it: a user who edits `data/lexicon.json` and rebuilds
 * must not keep graphs the old lexicon made. (The code itself is covered by the package version.)
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Directories of the package whose files are rules, and the subdirectories that are not (sample articles). */
const RULE_DIRS = ["data", "ontology"] as const;
const NOT_RULES = new Set(["samples"]);

/** Files under `dir`, recursively, as paths relative to it, sorted (subdirectories in `skip` left out). */
function filesUnder(dir: string, skip: ReadonlySet<string>, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!skip.has(rel)) out.push(...filesUnder(dir, skip, rel));
    } else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/**
 * SHA-256 (first 12 hex digits) of the files under `dirs`: each file's path and length go in
 * before its bytes, so that moving bytes from one file to the next changes the digest too.
 */
export function rulesDigest(dirs: readonly string[], skip: ReadonlySet<string> = NOT_RULES): string {
  const hash = createHash("sha256");
  for (const dir of dirs)
    for (const rel of filesUnder(dir, skip)) {
      const bytes = readFileSync(join(dir, rel));
      hash.update(`${dir.split(/[\\/]/u).at(-1)}/${rel}\0${bytes.length}\0`);
      hash.update(bytes);
    }
  return hash.digest("hex").slice(0, 12);
}

let shipped: string | undefined;

/** The digest of the package's own data/ and ontology/ (computed once, ~1 ms per 100 KB). */
export function shippedRulesDigest(): string {
  shipped ??= rulesDigest(RULE_DIRS.map((d) => fileURLToPath(new URL(`../../${d}`, import.meta.url))));
  return shipped;
}
