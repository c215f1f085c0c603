/**
 * Program recall on the gold: the national programs (concepts of data/programs.json) that a
 * gold file lists under `programs_mentioned`, against the scheme programs the extractor found.
 * A gold label names a national program when one of the scheme's labels occurs in it (闽寧扶貧協作,
 * 援藏资金); labels that name none (国定贫困县, “七个一批”) are local names, designations or
 * slogans, counted apart.
 */
import { toAlignedSimplified } from "../article/script.js";
import { schemeProgramsIn } from "../extract/programs.js";
import type { Extraction } from "../types.js";

/** The programs of one article: named by the gold, found by the extractor. */
export interface ProgramScore {
  readonly name: string;
  /** Scheme program ids the gold names. */
  readonly named: readonly string[];
  /** Of those, the ones the extractor found. */
  readonly found: readonly string[];
  /** Gold labels that name no scheme program. */
  readonly unlisted: readonly string[];
}

/** Scores one article's programs. */
export function scorePrograms(name: string, goldLabels: readonly string[], x: Extraction): ProgramScore {
  const named = new Set<string>();
  const unlisted: string[] = [];
  for (const label of goldLabels) {
    const ids = schemeProgramsIn(toAlignedSimplified(label));
    if (ids.length === 0) unlisted.push(label);
    for (const id of ids) named.add(id);
  }
  const extracted = new Set(x.programs.filter((p) => p.kind === "program" && p.inScheme === true).map((p) => p.id));
  return { name, named: [...named], found: [...named].filter((id) => extracted.has(id)), unlisted };
}

/** Recall over (article, national program) pairs. */
export function programRecall(scores: readonly ProgramScore[]): { named: number; found: number; recall: number } {
  const named = scores.reduce((a, s) => a + s.named.length, 0);
  const found = scores.reduce((a, s) => a + s.found.length, 0);
  return { named, found, recall: named === 0 ? 1 : found / named };
}
