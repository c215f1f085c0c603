/**
 * Clauses that echo an earlier one of their sentence: "贵州省农村贫困人口减少120万人，云南省减少100万人"
 * (the same verb before a number of the same unit), and the value a change arrives at with no noun
 * of its own ("2019年减少到3000人").
 */
import type { Quantity } from "./quantities.js";

/** The verb (two characters or more) written right before a number, after any punctuation. */
function verbBefore(s: string, q: Quantity): string {
  return /\p{Script=Han}{2,3}$/u.exec(s.slice(Math.max(0, q.prefixStart - 3), q.prefixStart))?.[0] ?? "";
}

/** The earlier quantity of the sentence whose clause this one echoes with the same verb and unit. */
export function parallelEcho(
  s: string,
  quantities: readonly Quantity[],
  qi: number,
  sentenceStart: number,
): number | undefined {
  const q = quantities[qi] as Quantity;
  const verb = verbBefore(s, q).slice(-2);
  if (verb.length < 2) return undefined;
  for (let i = qi - 1; i >= 0; i--) {
    const p = quantities[i] as Quantity;
    if (p.start < sentenceStart) return undefined;
    if (p.unit === q.unit && verbBefore(s, p).endsWith(verb)) return i;
  }
  return undefined;
}

/** For the value a change arrives at ("减少到3000人"), the earlier quantity of its sentence in the same unit. */
export function levelReached(quantities: readonly Quantity[], qi: number, sentenceStart: number): number | undefined {
  const q = quantities[qi] as Quantity;
  if (!q.changeTo) return undefined;
  for (let i = qi - 1; i >= 0; i--) {
    const p = quantities[i] as Quantity;
    if (p.start < sentenceStart) return undefined;
    if (p.unit === q.unit) return i;
  }
  return undefined;
}
