/**
 * Plans and targets (计划退出…, …的目标任务, 届时…, 力争…) are kept apart from results: the
 * cue words are in data/lexicon.json.
 */
import { lexicon } from "./lexicon.js";
import type { Quantity } from "./quantities.js";
import type { Range, Sentence } from "./segment.js";

/** Plans and targets (计划退出…, …的目标任务, 届时…) are kept apart from results. */
export function isTarget(s: string, q: Quantity, sentence: Sentence, clause: Range): boolean {
  const r = lexicon().raw;
  const before = s.slice(sentence.start, q.prefixStart);
  if (r.targetStandalone.some((w) => before.includes(w))) return true;
  for (const cue of r.targetCues) {
    for (let i = before.indexOf(cue); i >= 0; i = before.indexOf(cue, i + 1)) {
      const rest = before.slice(i + cue.length).replace(/^(?:全县|全市|全省|全州|再|要|在|于)/u, "");
      const verb = r.targetVerbsAfterCue.find((v) => rest.startsWith(v));
      if (verb === undefined) continue;
      const next = rest.slice(verb.length);
      if (/^(?:户|人口|群众|村)/u.test(next)) continue; // 计划脱贫户: a noun, not a plan
      // 将脱贫攻坚作为…: 将 marks the object of 作为 here, not the future
      if (cue === "将" && r.disposalVerbs.some((v) => s.slice(sentence.start, clause.end).includes(v))) continue;
      return true;
    }
  }
  const after = s.slice(q.end, clause.end);
  return (
    /目标任务|的目标|的任务/u.test(after) && !/(?:实现|完成|达到)[^，,。]*目标/u.test(s.slice(clause.start, clause.end))
  );
}
