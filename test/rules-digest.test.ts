/**
 * The rules digest in the agent IRI: it changes when a data or ontology file changes (so an
 * incremental build redoes the graphs the old rules made), and only then.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { agentIri } from "../src/describe/index.js";
import { rulesDigest, shippedRulesDigest } from "../src/describe/rules.js";
import { iris } from "../src/rdf/iri.js";

let root: string | undefined;
afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A package-like tree: data/ (with samples/) and ontology/. */
function tree(files: Record<string, string>): string[] {
  root = mkdtempSync(join(tmpdir(), "kg-rules-"));
  for (const [rel, text] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
  }
  return [join(root, "data"), join(root, "ontology")];
}

const BASE = {
  "data/lexicon.json": '{"减贫":"poverty-exit-persons"}',
  "data/units.json": '{"万人":10000}',
  "data/samples/a.txt": "某县2019年脱贫1000人",
  "ontology/kg.ttl": "@prefix kg: <https://w3id.org/article-kg/ontology#> .",
};

describe("rules digest", () => {
  it("is the same for the same files, whatever the order they were written in", () => {
    const a = rulesDigest(tree(BASE));
    const reversed = Object.fromEntries(Object.entries(BASE).reverse());
    expect(rulesDigest(tree(reversed))).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{12}$/u);
  });

  it("changes when a lexicon or ontology file changes, is added, or bytes move between files", () => {
    const a = rulesDigest(tree(BASE));
    expect(rulesDigest(tree({ ...BASE, "data/lexicon.json": '{"减贫":"poverty-exit-households"}' }))).not.toBe(a);
    expect(rulesDigest(tree({ ...BASE, "ontology/units.ttl": "" }))).not.toBe(a);
    expect(
      rulesDigest(
        tree({ ...BASE, "data/lexicon.json": '{"减贫":"poverty-exit-persons"}{', "data/units.json": '"万人":10000}' }),
      ),
    ).not.toBe(a);
  });

  it("leaves the sample articles out", () => {
    const a = rulesDigest(tree(BASE));
    expect(rulesDigest(tree({ ...BASE, "data/samples/a.txt": "another article" }))).toBe(a);
  });

  it("is part of the agent IRI of a build", () => {
    expect(agentIri(iris())).toMatch(new RegExp(`/agent/article-kg/[^/]+/rules-${shippedRulesDigest()}$`, "u"));
  });
});
