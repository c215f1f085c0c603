/**
 * Fuzzing the byte decoders and the HTML reader: any bytes give text or a KgError (never
 * another exception); text written in a supported encoding reads back as written; a page's
 * scripts and styles never reach the article text.
 */
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../src/article/decode.js";
import { declaredCharset, looksLikeHtml, readHtml } from "../src/article/html.js";
import { articleFromBytes } from "../src/article/read.js";
import { KgError } from "../src/errors.js";

/** Runs `f`; a KgError is an answer, anything else fails the property. */
function answer<T>(f: () => T): T | KgError {
  try {
    return f();
  } catch (e) {
    if (e instanceof KgError) return e;
    throw e;
  }
}

/** Chinese-ish text: Han characters of both scripts, digits, punctuation, line breaks. */
const CHARS = [..."县市乡村贫困人口脱贫萬億元户年月日，。、；：“”（）\n 0123456789.%陝縣鄉"];
const chineseText = fc
  .array(fc.oneof(fc.constantFrom(...CHARS), fc.string({ unit: "grapheme", maxLength: 3 })), { maxLength: 200 })
  .map((a) => a.join(""));

const BYTES = fc.uint8Array({ maxLength: 600 });
/** Bytes with the starts that steer detection: BOMs, NUL patterns, HTML prologues. */
const STEERED = fc
  .tuple(
    fc.constantFrom(
      [],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xfe, 0xff],
      [0x00, 0x41, 0x00, 0x42],
      [...Buffer.from("<!DOCTYPE html><meta charset=gbk>")],
    ),
    BYTES,
  )
  .map(([a, b]) => Uint8Array.from([...a, ...b]));

describe("fuzz: decoders", () => {
  it("any bytes decode to text or a KgError with the file name, never another exception", () => {
    fc.assert(
      fc.property(fc.oneof(BYTES, STEERED), (bytes) => {
        const r = answer(() => decodeBytes(bytes, "f.txt"));
        if (r instanceof KgError) {
          expect(r.code).toBe("E_INPUT_ENCODING");
          expect(r.message.startsWith("f.txt: ")).toBe(true);
          expect(r.message).not.toContain("\n");
        } else expect(typeof r.text).toBe("string");
      }),
      { numRuns: 400 },
    );
  });

  it("with a forced encoding, any bytes give text or a KgError", () => {
    fc.assert(
      fc.property(BYTES, fc.constantFrom("utf-8", "gb18030", "gbk", "big5", "utf-16le", "utf-16be"), (bytes, enc) => {
        const r = answer(() => decodeBytes(bytes, "f.txt", enc));
        if (!(r instanceof KgError)) expect(typeof r.text).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("text written as UTF-8 (with or without BOM) and UTF-16 with a BOM reads back as written", () => {
    fc.assert(
      fc.property(chineseText, fc.constantFrom("utf8", "utf8bom", "utf16le", "utf16be"), (text, how) => {
        // without control characters (other than tab and line breaks), BOMs and replacement characters
        const clean = [...text]
          .filter((c) => (c >= " " || "\t\n\r\f\v".includes(c)) && c !== "\ufeff" && c !== "\ufffd")
          .join("");
        const bytes =
          how === "utf8"
            ? Buffer.from(clean, "utf8")
            : how === "utf8bom"
              ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(clean, "utf8")])
              : iconv.encode(clean, how === "utf16le" ? "utf-16le" : "utf-16be", { addBOM: true });
        const r = answer(() => decodeBytes(bytes, "f.txt"));
        if (r instanceof KgError) {
          // only text the binary check refuses (control characters) may be refused
          expect(r.message).toContain("control bytes");
        } else expect(r.text).toBe(clean);
      }),
      { numRuns: 300 },
    );
  });

  it("Chinese text written in GB18030 or Big5 reads back as written when it is long enough to tell", () => {
    // each encoding with the script it is written in (Big5 has no Simplified characters)
    const SCRIPT = {
      gb18030: [..."全县脱贫人口万元农村居民人均可支配收入增长年底贫困发生率下降到百分点。，"],
      big5: [..."全縣脫貧人口萬元農村居民人均可支配收入增長年底貧困發生率下降到百分點。，"],
    };
    const sample = fc
      .constantFrom("gb18030" as const, "big5" as const)
      .chain((enc) =>
        fc.tuple(fc.constant(enc), fc.array(fc.constantFrom(...SCRIPT[enc]), { minLength: 30, maxLength: 120 })),
      );
    fc.assert(
      fc.property(sample, ([enc, chars]) => {
        const text = chars.join("");
        const r = answer(() => decodeBytes(iconv.encode(text, enc), "f.txt"));
        expect(r).not.toBeInstanceOf(KgError);
        // GB18030 and Big5 share byte ranges: the text must be right in the encoding chosen
        if (!(r instanceof KgError) && r.encoding === enc) expect(r.text).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it("reading any bytes as an article gives an article or a KgError", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          STEERED,
          chineseText.map((t) => Buffer.from(t, "utf8")),
        ),
        (bytes) => {
          const r = answer(() => articleFromBytes(bytes, "a.txt"));
          if (!(r instanceof KgError)) {
            expect(typeof r.text).toBe("string");
            expect(r.id).toMatch(/^[^\s/]+$/u);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * HTML-ish input: tags (some broken), entities, comments, text. (No bare <title> or
 * <textarea>: their text runs to the end of the page by the HTML rules; and a ">" ends
 * whatever broken tag comes before the script, which by those rules would swallow it.)
 */
const TAGS = [
  "<html>",
  "<body>",
  "<article>",
  "</article>",
  "<p>",
  "</p>",
  "<h1>",
  "</h1>",
  "<div class='date'>",
  "</div>",
  "<br>",
  "<figcaption>",
  "</figcaption>",
  "<!-- x -->",
  "<!--",
  "-->",
  "</title>",
  "&amp;",
  "&#x4e2d;",
  "&#99999999;",
  "&bogus;",
  "<",
  ">",
  "</",
  "<p <p>",
  "<meta charset='big5'>",
  "<![CDATA[",
  "]]>",
];
const htmlish = fc
  .array(fc.oneof(fc.constantFrom(...TAGS), chineseText, fc.string({ maxLength: 5 })), { maxLength: 60 })
  .map((a) => a.join(""));

describe("fuzz: HTML reader", () => {
  it("never throws, and a page's scripts and styles never reach the text", () => {
    fc.assert(
      fc.property(htmlish, htmlish, (a, b) => {
        const page = `<!DOCTYPE html><html><head><style>.ZZSTYLE{}</style></head><body>${a}\n><script>var ZZSCRIPT = "<p>";</script>${b}</body></html>`;
        const t = performance.now();
        const r = readHtml(page);
        expect(performance.now() - t).toBeLessThan(2000);
        expect(r.text).not.toContain("ZZSCRIPT");
        expect(r.text).not.toContain("ZZSTYLE");
        expect(r.text.endsWith("\n")).toBe(true);
        expect(looksLikeHtml(page)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("declaredCharset and looksLikeHtml take any bytes or text", () => {
    fc.assert(
      fc.property(BYTES, fc.string({ maxLength: 300 }), (bytes, s) => {
        const c = declaredCharset(bytes);
        if (c !== undefined) expect(c).toMatch(/^[a-z0-9_-]+$/u);
        expect(typeof looksLikeHtml(s)).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});
