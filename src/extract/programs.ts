/**
 * Programs and organisations: names in quotes (“油返砂”, “5+X”), policy titles in 《》, and
 * organisation names (a place or 国务院/国家 followed by an office suffix: 汉中市扶贫办,
 * 国务院扶贫办). Each entity collects all its mentions.
 */
import type { ProgramMention, Span } from "../types.js";
import { alternation, lexicon } from "./lexicon.js";
import type { PeriodPhrase } from "./periods.js";
import type { PlaceHit } from "./places.js";
import type { Range, Segmentation } from "./segment.js";
import type { Text } from "./text.js";

/** A program or organisation mention at a position (UTF-16 indices of the Simplified copy). */
export interface ProgramHit extends Range {
  readonly id: string;
}

const compiled: { office?: RegExp; national?: RegExp } = {};
/** Office names after a place (汉中市扶贫办) and national bodies (国务院扶贫办), compiled once. */
function patterns(): { office: RegExp; national: RegExp } {
  const offices = alternation(lexicon().raw.orgOffices);
  const office = compiled.office ?? new RegExp(`^[\\p{Script=Han}]{0,8}?(?:${offices})`, "u");
  const national =
    compiled.national ??
    new RegExp(`(?:${alternation(lexicon().raw.nationalBodies)})[\\p{Script=Han}]{0,6}?(?:${offices}|办|委)`, "gu");
  compiled.office = office;
  compiled.national = national;
  return { office, national };
}

/** Finds programs and organisations; returns the entities and their positioned hits. */
export function findPrograms(
  text: Text,
  seg: Segmentation,
  places: readonly PlaceHit[],
  periods: readonly PeriodPhrase[],
  excluded: (start: number, end: number) => boolean,
): { programs: ProgramMention[]; hits: ProgramHit[] } {
  const s = text.s;
  const byId = new Map<string, { name: string; kind: "program" | "organisation"; mentions: Span[] }>();
  const hits: ProgramHit[] = [];
  const add = (start: number, end: number, kind: "program" | "organisation") => {
    const id = s.slice(start, end).trim();
    if (id === "") return;
    const span = text.span(start, end);
    const e = byId.get(id) ?? { name: span.exact, kind, mentions: [] };
    e.mentions.push(span);
    byId.set(id, e);
    hits.push({ start, end, id });
  };
  for (const q of seg.quotes) {
    if (excluded(q.start, q.end)) continue;
    const inner = s.slice(q.start, q.end);
    if ([...inner].length < 2) continue;
    if (periods.some((p) => p.start <= q.start && q.end <= p.end + 1)) continue; // “十三五”
    if (/[。！？!?]/u.test(inner)) continue; // a quoted sentence, not a name
    add(q.start, q.end, "program");
  }
  const { office, national } = patterns();
  for (const h of places) {
    if (h.role !== "modifier") continue;
    const m = office.exec(s.slice(h.end, h.end + 16));
    if (m && !excluded(h.start, h.end + m[0].length)) add(h.start, h.end + m[0].length, "organisation");
  }
  national.lastIndex = 0;
  for (let m = national.exec(s); m !== null; m = national.exec(s)) {
    if (!excluded(m.index, m.index + m[0].length)) add(m.index, m.index + m[0].length, "organisation");
  }
  const programs: ProgramMention[] = [...byId].map(([id, e]) => ({
    id,
    name: e.name,
    kind: e.kind,
    mentions: e.mentions,
  }));
  return { programs, hits };
}
