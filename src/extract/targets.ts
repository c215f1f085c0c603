/**
 * Plans, targets and forecasts (计划退出…, 将确保…, 力争…, 有望…, …的目标任务, 到2025年…)
 * are kept apart from results. A cue governs by scope: a cue before a number reaches to the
 * end of its sentence (unless 已/去年 tells a result again in between, or the cue is the
 * purpose of what follows: 为确保…); a cue after a number in its clause makes that number
 * its subject (3.4万贫困人口计划全部脱贫). Time decides too: a fact dated after the publication
 * year, or at the end of the current year in an article written before it, is a plan; a
 * forecast (预计) or assurance (确保) about a year that had ended when the article was
 * written is a result. The words are in data/lexicon.json (targetCues, targetStandalone, targetScope).
 */
import type { Period } from "../types.js";
import { lexicon } from "./lexicon.js";
import type { Quantity } from "./quantities.js";
import type { Range, Sentence } from "./segment.js";
import { wordList } from "./words.js";

/** What a target decision knows besides the text: the publication date and the fact's period. */
export interface TargetContext {
  /** Publication date as written in the article metadata ("2019-09-05"). */
  readonly published?: string;
  /** The period the fact was given. */
  readonly period?: Period;
}

const PUNCT = /[,，。;；!！?？\n]/u;

/** The cue before the number that governs it, if any (its word). */
function cueBefore(s: string, q: Quantity, sentence: Sentence, clause: Range): string | undefined {
  const r = lexicon().raw;
  const sc = r.targetScope;
  const before = s.slice(sentence.start, q.prefixStart);
  const governs = (i: number, cue: string) => {
    if (wordList(sc.purposeBefore).endsAt(before, i)) return false; // 为确保…: a purpose
    if (wordList(sc.resets).endsAt(before, i)) return false; // 已确保: done
    if (wordList(sc.pastAfterCue).startsAt(before, i + cue.length)) return false; // 确保了
    const between = before.slice(i + cue.length);
    return !wordList(sc.resets).occursIn(between);
  };
  // most numbers have no cue before them: one scan for any cue first, then the search by cue
  if (wordList(r.targetStandalone).occursIn(before))
    for (const cue of r.targetStandalone)
      for (let i = before.indexOf(cue); i >= 0; i = before.indexOf(cue, i + 1)) if (governs(i, cue)) return cue;
  if (!wordList(r.targetCues).occursIn(before)) return undefined;
  for (const cue of r.targetCues) {
    for (let i = before.indexOf(cue); i >= 0; i = before.indexOf(cue, i + 1)) {
      if (!governs(i, cue)) continue;
      const rest = before.slice(i + cue.length).replace(/^(?:全县|全市|全省|全州|再|要|在|于)/u, "");
      const verb = r.targetVerbsAfterCue.find((v) => rest.startsWith(v));
      if (verb === undefined) continue;
      const next = rest.slice(verb.length);
      if (/^(?:户|人口|群众|村)/u.test(next)) continue; // 计划脱贫户: a noun, not a plan
      // 将脱贫攻坚作为…: 将 marks the object of 作为 here, not the future
      if (cue === "将" && r.disposalVerbs.some((v) => s.slice(sentence.start, clause.end).includes(v))) continue;
      return cue;
    }
  }
  return undefined;
}

/** A cue after the number in its clause, with the number as its subject (15个贫困县年底有望摘帽). */
function cueAfter(s: string, q: Quantity, clause: Range): string | undefined {
  const r = lexicon().raw;
  const sc = r.targetScope;
  const after = s.slice(q.end, Math.min(clause.end, q.end + sc.afterNumberReach + 6));
  for (const cue of sc.afterNumber) {
    const i = after.indexOf(cue);
    if (i < 0 || i > sc.afterNumberReach || PUNCT.test(after.slice(0, i))) continue;
    if (cue === "将" && after.startsWith("近", i + 1)) continue; // 将近: nearly
    if (r.targetStandalone.includes(cue)) return cue;
    let rest = after.slice(i + cue.length);
    for (let again = true; again; ) {
      again = false;
      for (const a of sc.adverbs)
        if (rest.startsWith(a)) {
          rest = rest.slice(a.length);
          again = true;
        }
    }
    if (r.targetVerbsAfterCue.some((v) => rest.startsWith(v))) return cue;
  }
  return undefined;
}

/** A fact dated after the moment of writing: a later year, or this year's end before November. */
function inFuture(s: string, q: Quantity, sentence: Sentence, clause: Range, ctx: TargetContext): boolean {
  const sc = lexicon().raw.targetScope;
  const m = /^(\d{4})-(\d{2})/u.exec(ctx.published ?? "");
  const p = ctx.period;
  if (m !== null) {
    const year = Number(m[1]);
    if (p?.start !== undefined && p.start > year) return true;
    if (p?.start === undefined && p?.end !== undefined && p.end > year) return true; // 到2025年
    if (Number(m[2]) < sc.yearEndFutureBeforeMonth) {
      const scope = s.slice(sentence.start, q.prefixStart) + s.slice(q.end, clause.end);
      for (const w of sc.yearEndWords)
        for (let i = scope.indexOf(w); i >= 0; i = scope.indexOf(w, i + 1))
          if (!sc.yearEndNotAfter.includes(scope[i - 1] ?? "")) return true;
    }
  }
  // 到2020年要…: a deadline with a must
  if (p?.start === undefined && p?.end !== undefined && /^(?:到|至)/u.test(p.phrase)) {
    const i = s.lastIndexOf(p.phrase, q.prefixStart);
    if (i >= sentence.start && sc.untilMust.some((w) => s.slice(i + p.phrase.length, q.prefixStart).includes(w)))
      return true;
  }
  return false;
}

/** A forecast (预计) or assurance (确保) about a period that had ended when the article was written: a result. */
function pastEstimate(cue: string, ctx: TargetContext): boolean {
  if (!lexicon().raw.targetScope.pastIsResult.includes(cue)) return false;
  const year = Number(/^(\d{4})/u.exec(ctx.published ?? "")?.[1] ?? Number.NaN);
  const end = ctx.period?.end ?? ctx.period?.start;
  return end !== undefined && end < year;
}

/** Is this quantity a plan, target or forecast rather than a result? */
export function isTarget(s: string, q: Quantity, sentence: Sentence, clause: Range, ctx: TargetContext = {}): boolean {
  const cue = cueBefore(s, q, sentence, clause) ?? cueAfter(s, q, clause);
  if (cue !== undefined) return !pastEstimate(cue, ctx);
  if (inFuture(s, q, sentence, clause, ctx)) return true;
  const after = s.slice(q.end, clause.end);
  return (
    /目标任务|的目标|的任务/u.test(after) && !/(?:实现|完成|达到)[^，,。]*目标/u.test(s.slice(clause.start, clause.end))
  );
}
