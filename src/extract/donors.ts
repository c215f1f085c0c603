/**
 * Paired assistance (对口帮扶, 东西部协作): the fact a giving place states about the place it
 * helps belongs to the receiving place. Positions are UTF-16 indices into the Simplified copy.
 */
import type { PlaceRef } from "../types.js";
import { lexicon } from "./lexicon.js";
import type { ArticlePlaces } from "./places.js";
import type { Range } from "./segment.js";
import { wordList } from "./words.js";

const inside = (r: Range, start: number, end: number) => r.start <= start && end <= r.end;

/** Longest gap between a giving place, its verb and the receiving place ("福建省累计投入资金…帮助宁夏"). */
const DONOR_REACH = 40;

/**
 * East–west cooperation and paired assistance: "福建省对口帮扶宁夏", "上海市投入援助资金3亿元，
 * 帮助云南…". When the place a fact would take gives help to another place named after a donor
 * verb in the same sentence, the fact belongs to the receiving place and the giver is its
 * donor. Returns undefined when the sentence is not of that form.
 */
export function donorAndRecipient(
  s: string,
  sentence: Range,
  places: ArticlePlaces,
  place: PlaceRef | undefined,
): Gift | undefined {
  if (place === undefined) return undefined;
  // the same for every number of the sentence with this place: found once
  let bySentence = giftMemo.get(places);
  if (bySentence === undefined) {
    bySentence = new WeakMap();
    giftMemo.set(places, bySentence);
  }
  let byPlace = bySentence.get(sentence);
  if (byPlace === undefined) {
    byPlace = new Map();
    bySentence.set(sentence, byPlace);
  }
  let gift = byPlace.get(place.code);
  if (gift === undefined) {
    gift = giftOf(s, sentence, places, place) ?? null;
    byPlace.set(place.code, gift);
  }
  return gift ?? undefined;
}

type Gift = { recipient: PlaceRef; donor: PlaceRef; cue: string };
/** Results of donorAndRecipient by article (its places), sentence and place code (null: none). */
const giftMemo = new WeakMap<ArticlePlaces, WeakMap<Range, Map<string, Gift | null>>>();

function giftOf(s: string, sentence: Range, places: ArticlePlaces, place: PlaceRef): Gift | undefined {
  const hits = places.hits.filter((h) => inside(sentence, h.start, h.end));
  const verbs = lexicon().raw.donorVerbs.words;
  for (const giver of hits) {
    if (giver.place.code !== place.code) continue;
    for (const taker of hits) {
      if (taker.start <= giver.end || taker.start - giver.end > DONOR_REACH) continue;
      if (sameBranch(places, giver.place, taker.place)) continue;
      const between = s.slice(giver.end, taker.start);
      if (/[。；;！？]/u.test(between)) continue;
      // the verb stands right before the receiving place: "…帮助宁夏", "对口帮扶了云南"
      const verb = verbs.find((v) => between.endsWith(v) || between.endsWith(`${v}了`) || between.endsWith(`${v}给`));
      if (verb === undefined) continue;
      return { recipient: taker.place, donor: giver.place, cue: `${s.slice(giver.start, giver.end)}…${verb}` };
    }
  }
  const text = s.slice(sentence.start, sentence.end);
  const verb = wordList(verbs).firstIn(text);
  // "在上海市的对口帮扶下，邵阳市获得帮扶资金2亿元": the place of 在…帮扶下 gives
  for (const giver of hits) {
    const after = s.slice(giver.end, giver.end + 10);
    const m = /^的?((?:对口|结对)?(?:帮扶|援助|支援|支持|帮助))(?:下|中)/u.exec(after);
    if (m === null || !s.slice(Math.max(sentence.start, giver.start - 2), giver.start).endsWith("在")) continue;
    const cue = `在${s.slice(giver.start, giver.end)}的${m[1]}下`;
    if (giver.place.code !== place.code) return { recipient: place, donor: giver.place, cue };
    const taker = hits.find((h) => h.start > giver.end && !sameBranch(places, h.place, giver.place));
    const recipient = taker?.place ?? places.main;
    if (recipient !== undefined && !sameBranch(places, recipient, giver.place))
      return { recipient, donor: giver.place, cue };
  }
  // "厦门市思明区与东乡县结对帮扶": in east–west cooperation the eastern place gives
  const east = new Set(lexicon().raw.donorVerbs.eastProvinces.codes);
  const isEast = (p: PlaceRef) => east.has(p.code.slice(0, 2));
  if (verb !== undefined && isEast(place)) {
    const taker = hits.find((h) => !isEast(h.place) && !sameBranch(places, h.place, place));
    if (taker !== undefined) return { recipient: taker.place, donor: place, cue: verb };
  }
  // "闽宁协作中，福建省累计投入资金12亿元" in an article about Ningxia: the helper's money is
  // a fact about the article's place
  const main = places.main;
  if (main !== undefined && verb !== undefined && !sameBranch(places, place, main))
    return { recipient: main, donor: place, cue: verb };
  return undefined;
}

/** Is one place the other or inside it (either way)? */
function sameBranch(places: ArticlePlaces, a: PlaceRef, b: PlaceRef): boolean {
  if (a.code === b.code) return true;
  const up = (p: PlaceRef) => places.gazetteer.ancestors(p.code).map((x) => x.code);
  return up(a).includes(b.code) || up(b).includes(a.code);
}
