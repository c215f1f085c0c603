/**
 * Encodings: one article of our own (test/fixtures/encodings, Traditional script so that Big5
 * can hold it) saved as UTF-8 with and without BOM, GB18030, GBK, Big5 and UTF-16 (with and
 * without BOM) gives the same facts at the same offsets; binary and undecodable files are
 * refused with the file name and a hint; `--encoding` forces one.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decode, readArticle } from "../src/article/read.js";
import { KgError } from "../src/errors.js";
import { extract } from "../src/extract/index.js";

const BIN = join(import.meta.dirname, "..", "bin", "article-kg.js");
const SOURCE = join(import.meta.dirname, "fixtures", "encodings", "yunshan-2020.txt");

/** How each variant's bytes are made from the text. */
const VARIANTS: Readonly<Record<string, (text: string) => Buffer>> = {
  "utf-8": (t) => iconv.encode(t, "utf-8"),
  "utf-8 with BOM": (t) => iconv.encode(t, "utf-8", { addBOM: true }),
  gb18030: (t) => iconv.encode(t, "gb18030"),
  gbk: (t) => iconv.encode(t, "gbk"),
  big5: (t) => iconv.encode(t, "big5"),
  "utf-16le with BOM": (t) => iconv.encode(t, "utf-16le", { addBOM: true }),
  "utf-16be with BOM": (t) => iconv.encode(t, "utf-16be", { addBOM: true }),
  "utf-16le without BOM": (t) => iconv.encode(t, "utf-16le"),
  "utf-16be without BOM": (t) => iconv.encode(t, "utf-16be"),
};

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe("the same article in every encoding", () => {
  let tmp: string;
  let text: string;
  const files: Record<string, string> = {};
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "kg-enc-"));
    text = await readFile(SOURCE, "utf8");
    for (const [name, encode] of Object.entries(VARIANTS)) {
      // One folder per variant, the same file name: the same article id.
      const dir = join(tmp, name.replaceAll(" ", "-"));
      await mkdir(dir);
      files[name] = join(dir, "yunshan-2020.txt");
      await writeFile(files[name], encode(text));
    }
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it("the fixture has the facts the comparison needs", async () => {
    const facts = extract(await readArticle(files["utf-8"] as string)).observations;
    expect(facts.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of Object.keys(VARIANTS)) {
    it(`${name}: the same text, and the same facts at the same offsets as UTF-8`, async () => {
      const article = await readArticle(files[name] as string);
      expect(article.text).toBe(text);
      const facts = extract(article).observations;
      const baseline = extract(await readArticle(files["utf-8"] as string)).observations;
      expect(facts).toEqual(baseline);
    });
  }

  it("--encoding forces one; a wrong one is refused with the file name, an unknown one is a usage error", async () => {
    const big5 = files.big5 as string;
    const detected = await cli(["extract", big5]);
    const forced = await cli(["extract", big5, "--encoding", "big5"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toBe(detected.stdout);

    const wrong = await cli(["extract", big5, "--encoding", "utf-8"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(big5);
    expect(wrong.stderr).toMatch(/not valid utf-8.*--encoding/u);
    expect(wrong.stderr).not.toMatch(/\n\s+at /u);

    const utf16 = await cli(["extract", files["utf-8"] as string, "--encoding", "utf-16le"]);
    expect(utf16.code).toBe(1);
    expect(utf16.stderr).toMatch(/does not read as text in utf-16le/u);

    const unknown = await cli(["extract", big5, "--encoding", "klingon"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown encoding "klingon"');
  });
});

describe("refusals", () => {
  it("refuses a binary file with its name and a hint", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x00, 0xb7, 0xac]);
    expect(() => decode(zip, "report.zip")).toThrow(/^report\.zip: this is not a text file.*--encoding/u);
  });
  it("refuses bytes no candidate decodes, with E_INPUT_ENCODING, the name and a hint", () => {
    // 0x80 and 0xFF are lead bytes of neither GB18030 nor Big5, and not UTF-8.
    const bytes = new Uint8Array([0x41, 0x80, 0xff, 0x80, 0xff, 0x42]);
    let error: unknown;
    try {
      decode(bytes, "odd.txt");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KgError);
    expect((error as KgError).code).toBe("E_INPUT_ENCODING");
    expect((error as KgError).message).toMatch(/^odd\.txt: cannot tell its encoding.*--encoding/u);
  });
  it("the CLI answers a binary file with one line and exit 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kg-bin-"));
    try {
      const file = join(dir, "photo.txt");
      await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
      const r = await cli(["extract", file]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(`${file}: this is not a text file`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
