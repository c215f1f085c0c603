/** Reading articles: decoding, byte-order marks, titles, header dates, script detection. */
import { describe, expect, it } from "vitest";
import { articleFromText, checkDate, decode, findHeaderDate, slugOf } from "../src/article/read.js";
import { detectScript, toAlignedSimplified } from "../src/article/script.js";
import { KgError } from "../src/errors.js";

const TEXT = "略阳县脱贫攻坚成效\n累计脱贫1.70万户。";

describe("decode", () => {
  it("reads UTF-8, and drops a byte-order mark", () => {
    const bytes = new TextEncoder().encode(TEXT);
    expect(decode(bytes)).toBe(TEXT);
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe(TEXT);
  });
  it("reads UTF-16 with a byte-order mark", () => {
    const le = Buffer.from(`\uFEFF${TEXT}`, "utf16le");
    expect(decode(new Uint8Array(le))).toBe(TEXT);
  });
  it("reads GB18030 (legacy Chinese pages)", () => {
    // 略阳县 in GB18030/GBK
    const gbk = new Uint8Array([0xc2, 0xd4, 0xd1, 0xf4, 0xcf, 0xd8]);
    expect(decode(gbk)).toBe("略阳县");
  });
  it("refuses a binary file", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xc2, 0xd4]);
    expect(() => decode(png, "photo.png")).toThrow(/not a text file/u);
  });
  it("refuses bytes that are neither, with E_INPUT_ENCODING", () => {
    expect(() => decode(new Uint8Array([0xff, 0x00, 0xfe, 0x41, 0x80]), "x.txt")).toThrow(KgError);
  });
});

describe("articleFromText", () => {
  it("takes the first non-empty line as title and a date from the header", () => {
    const a = articleFromText(`\n${TEXT.replace("\n", "\n2020-10-29 19:52 来源:某报\n")}`, "data/略阳-2020.txt");
    expect(a.title).toBe("略阳县脱贫攻坚成效");
    expect(a.published).toBe("2020-10-29");
    expect(a.id).toBe("略阳-2020");
  });
  it("prefers --published over a header date, and checks its form", () => {
    expect(articleFromText(TEXT, "a.txt", { published: "2021-01-20" }).published).toBe("2021-01-20");
    expect(() => checkDate("20/01/2021")).toThrow(/YYYY-MM-DD/u);
  });
  it("refuses an empty file", () => {
    expect(() => articleFromText(" \n\n", "empty.txt")).toThrow(/empty/u);
  });
  it.each([
    ["2017-08-03 10:15 來源: 某某社", "2017-08-03"],
    ["发布时间:2016-02-17 09:05:41", "2016-02-17"],
    ["2021年3月5日 来源：某报", "2021-03-05"],
    ["无日期", undefined],
  ])("header date in %s", (line, date) => expect(findHeaderDate(`标题\n${line}\n正文`)).toBe(date));
  it("makes IRI-safe ids", () => expect(slugOf("/x/My Report (1).txt")).toBe("My-Report-1"));
});

describe("scripts", () => {
  it("detects Traditional and Simplified", () => {
    expect(detectScript("漢中市累計減貧52.4萬人")).toBe("traditional");
    expect(detectScript("汉中市累计减贫52.4万人")).toBe("simplified");
  });
  it("keeps one code point for one code point (offsets stay valid)", () => {
    const t = "陜西省漢中市𠀋累計減貧５２．４萬人，臺灣";
    const s = toAlignedSimplified(t);
    expect([...s].length).toBe([...t].length);
    expect(s).toContain("陕西省汉中市");
    expect(s).toContain("52.4万人,台湾");
  });
  it("writes years in Chinese numerals as digits, aligned (二〇一九年, 二○一八年, 二零一七年)", () => {
    const t = "二〇一九年底，二○一八年，二零一七年，一二三个";
    const s = toAlignedSimplified(t);
    expect([...s].length).toBe([...t].length);
    expect(s).toBe("2019年底,2018年,2017年,一二三个");
  });
});
