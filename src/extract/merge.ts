/**
 * The facts of an article as they leave the extractor: a headline that restates a body fact takes
 * its period (and, said in other words, its indicator and place); repeats of one fact merge into
 * one observation; a subtotal (其中) is linked to its whole.
 */
import type { Observation, Span } from "../types.js";

/** A value unlikely to be repeated by chance: three significant digits or more (26.96万, not 100%). */
function distinctive(value: string | number): boolean {
  return (
    String(value)
      .replace(/[.-]/gu, "")
      .replace(/^0+|0+$/gu, "").length >= 3
  );
}

/** A headline states a fact the body gives again: it takes the body's period for it. */
export function datedByBody(
  candidates: readonly Observation[],
  headline: ReadonlySet<Observation>,
  quantityOf: Map<Observation, number>,
): Observation[] {
  if (headline.size === 0) return [...candidates];
  return candidates.map((o) => {
    if (!headline.has(o) || o.why?.period?.startsWith("document") === false) return o;
    const same = candidates.filter((b) => !headline.has(b) && b.value === o.value && b.unit === o.unit && b.period);
    // the same indicator, else the one body fact with that value ("26.96万贫困群众圆梦小康" in
    // the headline, "累计实现26.96万贫困人口脱贫" in the body)
    const body =
      same.find((b) => b.indicator === o.indicator) ??
      (distinctive(o.value) && same.length > 0 && same.every((b) => b.indicator === same[0]?.indicator)
        ? same[0]
        : undefined);
    if (body?.period === undefined) return o;
    const restated = body.indicator !== o.indicator;
    const { subIndicator: _variant, ...rest } = o;
    const dated: Observation = {
      ...(restated ? rest : o),
      period: body.period,
      why: { ...o.why, period: "document: the body's period for the same fact" },
      ...(restated
        ? {
            indicator: body.indicator,
            ...(body.subIndicator !== undefined ? { subIndicator: body.subIndicator } : {}),
            ...(body.place !== undefined ? { place: body.place } : {}),
          }
        : {}),
    };
    quantityOf.set(dated, quantityOf.get(o) ?? -1);
    return dated;
  });
}

/**
 * Merges repeats of the same fact (same indicator, place, period, value …) into one
 * observation, and links each subtotal (其中) to the observation of its whole.
 */
export function merge(
  candidates: readonly Observation[],
  quantityOf: ReadonlyMap<Observation, number>,
  parts: ReadonlyMap<number, number>,
): Observation[] {
  type Entry = { obs: Observation; repeats: Span[]; index: number; part?: number };
  const byKey = new Map<string, Entry>();
  /** The first observation each quantity gave (for subtotals). */
  const entryOf = new Map<number, Entry>();
  for (const obs of candidates) {
    const qi = quantityOf.get(obs) ?? -1;
    // a template, not [ … ].join("|") (an array per fact); `?? ""` writes a missing field as join does
    const key = `${obs.indicator}|${obs.place?.code ?? ""}|${obs.period?.start ?? ""}|${obs.period?.end ?? ""}|${obs.value}|${obs.unit}|${obs.kind}|${obs.bound ?? ""}|${obs.direction ?? ""}`;
    const seen = byKey.get(key);
    if (seen !== undefined) {
      seen.repeats.push(obs.span);
      if (!entryOf.has(qi)) entryOf.set(qi, seen);
      continue;
    }
    const part = parts.get(qi);
    const entry: Entry = { obs, repeats: [], index: byKey.size + 1, ...(part !== undefined ? { part } : {}) };
    byKey.set(key, entry);
    if (!entryOf.has(qi)) entryOf.set(qi, entry);
  }
  const out: Observation[] = [];
  for (const { obs, repeats, index, part } of byKey.values()) {
    const whole = part !== undefined ? entryOf.get(part)?.index : undefined;
    // a copy with its fields in the same order as { ...obs, index, repeats?, partOf? }, by
    // assignment (conditional spreads copied every fact of an article once more per field)
    const merged: { -readonly [K in keyof Observation]: Observation[K] } = Object.assign({}, obs);
    merged.index = index;
    if (repeats.length > 0) merged.repeats = repeats;
    if (whole !== undefined && whole !== index) merged.partOf = whole;
    out.push(merged);
  }
  return out;
}
