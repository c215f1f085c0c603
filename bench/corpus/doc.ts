/**
 * Builds one article as a list of pieces — plain text and numbers that carry their answer —
 * and turns it into the text and its gold entries with code point offsets. Each piece is
 * converted to the article's script on its own, so offsets are counted on the final text.
 */
import * as OpenCC from "opencc-js";

/** Unit codes of the gold format. */
export type GoldUnit =
  | "CNY"
  | "PERSON"
  | "HOUSEHOLD"
  | "PERSON_TIME"
  | "KM"
  | "PERCENT"
  | "PERCENTAGE_POINT"
  | "COUNT"
  | "TIMES"
  | `OTHER:${string}`;

/** A period as the gold writes it. */
export interface GoldPeriod {
  readonly start: number | null;
  readonly end: number | null;
}

/** What a number piece states, besides its position. */
export interface Fact {
  readonly value: number;
  readonly unit: GoldUnit;
  readonly place: string;
  readonly period: GoldPeriod;
  readonly approximate: boolean;
  readonly bound?: "below" | "above";
  readonly category: string | null;
  readonly label: string;
  readonly direction?: "increase" | "decrease";
  /** Optional entries: plans, descriptive numbers, multipliers, repeats. */
  readonly optional?: boolean;
  readonly dup?: boolean;
}

/** One gold entry of NAME.gold.json. */
export interface GoldEntry extends Fact {
  readonly quote: string;
  readonly start: number;
  readonly end: number;
}

type Piece = { readonly text: string } | { readonly text: string; readonly fact: Fact };

/** The article's script. */
export type Script = "simplified" | "traditional";

let toTraditional: ((s: string) => string) | undefined;
function traditional(s: string): string {
  const convert = toTraditional ?? OpenCC.Converter({ from: "cn", to: "tw" });
  toTraditional = convert;
  return convert(s);
}

/** An article being written. */
export class Doc {
  private readonly pieces: Piece[] = [];

  /** Appends plain text (no fact in it, or only numbers that are not facts). */
  text(s: string): this {
    this.pieces.push({ text: s });
    return this;
  }

  /** Appends a number with its unit as written (the quote) and what it states. */
  fact(quote: string, fact: Fact): this {
    this.pieces.push({ text: quote, fact });
    return this;
  }

  /** The text and the gold entries in `script`. */
  render(script: Script): { text: string; observations: GoldEntry[]; optional: GoldEntry[] } {
    let text = "";
    let offset = 0;
    const observations: GoldEntry[] = [];
    const optional: GoldEntry[] = [];
    for (const p of this.pieces) {
      const s = script === "traditional" ? traditional(p.text) : p.text;
      const length = [...s].length;
      if ("fact" in p) {
        const { optional: isOptional, ...fact } = p.fact;
        const entry: GoldEntry = { quote: s, start: offset, end: offset + length, ...fact };
        (isOptional ? optional : observations).push(entry);
      }
      text += s;
      offset += length;
    }
    return { text, observations, optional };
  }
}
