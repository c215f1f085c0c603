/**
 * Towns and villages: "朝天区蒲家乡罗圈岩村" introduces 罗圈岩村 (and 蒲家乡) as places of
 * 朝天区. Later mentions of them in the article ("罗圈岩集中安置点", "罗圈岩村的贫困户") stand
 * for that county: a fact about a village or town is a fact about its county.
 */
import { lexicon } from "./lexicon.js";
import type { ArticlePlaces, PlaceHit } from "./places.js";

/** Shortest bare name (without 村/乡) that is matched on its own: two characters are often words (胜利). */
const MIN_BARE = 3;

let intro: RegExp | undefined;

/** The places of an article with the towns and villages it introduces under a county. */
export function withLocalities(s: string, places: ArticlePlaces): ArticlePlaces {
  const r = lexicon().raw.localities;
  const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).join("|");
  intro ??= new RegExp(
    `^(?:(\\p{Script=Han}{2,5}?)(${alt(r.townSuffixes)}))?(\\p{Script=Han}{2,5}?)(${alt(r.villageSuffixes)})`,
    "u",
  );
  const names: { name: string; withSuffix: string; hit: PlaceHit }[] = [];
  for (const h of places.hits) {
    if (h.place.level !== "county") continue;
    const m = intro.exec(s.slice(h.end, h.end + 16));
    if (m === null) continue;
    const [, town, townSuffix, village, villageSuffix] = m;
    if (town !== undefined && townSuffix !== undefined)
      names.push({ name: town, withSuffix: town + townSuffix, hit: h });
    if (village !== undefined && villageSuffix !== undefined)
      names.push({ name: village, withSuffix: village + villageSuffix, hit: h });
  }
  if (names.length === 0) return places;
  const added: PlaceHit[] = [];
  const taken = (a: number, b: number) =>
    places.hits.some((h) => h.start < b && a < h.end) || added.some((h) => h.start < b && a < h.end);
  for (const { name, withSuffix, hit } of names) {
    const form = [...name].length >= MIN_BARE ? name : withSuffix;
    for (let i = s.indexOf(form, hit.end); i >= 0; i = s.indexOf(form, i + form.length)) {
      const end = i + form.length;
      if (!taken(i, end)) added.push({ start: i, end, place: hit.place, role: "subject" });
    }
  }
  // "全村84户中有72户是贫困户": a village's or town's collective word after one is introduced
  // stands for the county of the last one introduced before it
  for (const word of r.collectives) {
    for (let i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + word.length)) {
      const intro = names.findLast((n) => n.hit.end <= i);
      if (intro !== undefined && !taken(i, i + word.length))
        added.push({ start: i, end: i + word.length, place: intro.hit.place, role: "subject" });
    }
  }
  if (added.length === 0) return places;
  return { ...places, hits: [...places.hits, ...added].sort((a, b) => a.start - b.start) };
}
