/**
 * Decoding article bytes: UTF-8 (with or without a byte-order mark), UTF-16 (with or without
 * one), GB18030/GBK and Big5, told apart by chardet's statistical detector and decoded by
 * iconv-lite; `encoding` forces one. Binary files and bytes that no candidate decodes cleanly
 * are refused with the file name and a hint (E_INPUT_ENCODING).
 */
import { createRequire } from "node:module";
import type Chardet from "chardet";
import type Iconv from "iconv-lite";
import { KgError } from "../errors.js";

const require = createRequire(import.meta.url);
const lazy: { iconv?: typeof Iconv; chardet?: typeof Chardet } = {};
/** iconv-lite and chardet are loaded when a file is not plain UTF-8 (or an encoding is named): not at start-up. */
const iconv = {
  encodingExists: (name: string): boolean => iconvLib().encodingExists(name),
  decode: (buf: Buffer, name: string): string => iconvLib().decode(buf, name),
};
function iconvLib(): typeof Iconv {
  lazy.iconv ??= require("iconv-lite") as typeof Iconv;
  return lazy.iconv;
}
function chardetLib(): typeof Chardet {
  lazy.chardet ??= require("chardet") as typeof Chardet;
  return lazy.chardet;
}

/** Decoded text and the encoding it was read as. */
export interface Decoded {
  readonly text: string;
  /** iconv-lite name of the encoding used (`utf-8`, `gb18030`, `big5`, `utf-16le`, `utf-16be`, or the forced one). */
  readonly encoding: string;
}

/** Encodings tried when the bytes are not UTF-8, in the order ties are broken (mainland pages first). */
const LEGACY = ["gb18030", "big5"] as const;

/** chardet's names of the encodings we accept, as iconv-lite names. */
const DETECTED: Readonly<Record<string, string>> = {
  GB18030: "gb18030",
  Big5: "big5",
  "UTF-16LE": "utf-16le",
  "UTF-16BE": "utf-16be",
  "UTF-8": "utf-8",
};

const HINT = "save it as UTF-8, or name its encoding with --encoding (utf-8, gb18030, big5, utf-16le, utf-16be)";

/** Decodes article bytes (see the module comment); `forced` is an encoding name iconv-lite knows. */
export function decodeBytes(bytes: Uint8Array, file = "<input>", forced?: string): Decoded {
  const decoded = forced === undefined ? detect(bytes, file) : decodeForced(bytes, file, forced);
  if (looksBinary(decoded.text))
    throw new KgError(
      "E_INPUT_ENCODING",
      `${file}: this is not a text file (it holds control bytes such as NUL); give an article as text, or ${HINT}.`,
      { context: { file } },
    );
  return decoded;
}

/** Whether an encoding name is one iconv-lite can decode. */
export function knownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

function decodeForced(bytes: Uint8Array, file: string, name: string): Decoded {
  if (!iconv.encodingExists(name))
    throw new KgError(
      "E_USAGE",
      `--encoding: unknown encoding "${name}"; use utf-8, gb18030, gbk, big5, utf-16le or utf-16be.`,
    );
  const text = iconv.decode(Buffer.from(bytes), name);
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0)
    throw new KgError(
      "E_INPUT_ENCODING",
      `${file}: not valid ${name} (an undecodable byte sequence near character ${bad}); check --encoding, or leave it out to detect the encoding.`,
      { context: { file, offset: bad } },
    );
  if (!plausible(text))
    throw new KgError(
      "E_INPUT_ENCODING",
      `${file}: does not read as text in ${name} (unassigned or private-use characters); check --encoding, or leave it out to detect the encoding.`,
      { context: { file } },
    );
  return { text, encoding: name.toLowerCase() };
}

function detect(bytes: Uint8Array, file: string): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A byte-order mark decides (iconv-lite drops it).
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return strictUtf8(buf.subarray(3), file);
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf, "utf-16le"), encoding: "utf-16le" };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf, "utf-16be"), encoding: "utf-16be" };
  const utf8 = tryUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8" };
  const candidates = candidatesOf(buf);
  for (const encoding of candidates) {
    const text = iconv.decode(buf, encoding);
    if (!text.includes("\uFFFD") && plausible(text)) return { text, encoding };
  }
  throw new KgError(
    "E_INPUT_ENCODING",
    buf.includes(0)
      ? `${file}: this is not a text file (it holds NUL bytes and is not UTF-16); give an article as text, or ${HINT}.`
      : `${file}: cannot tell its encoding (it is not UTF-8, GB18030, Big5 or UTF-16); ${HINT}.`,
    { context: { file } },
  );
}

/**
 * Encodings to try, best first: those chardet finds (of the ones we accept), then UTF-16 when
 * NUL bytes suggest it (chardet needs a byte-order mark for UTF-16), then GB18030 and Big5.
 */
function candidatesOf(buf: Buffer): string[] {
  const out: string[] = [];
  const nul = nulBytes(buf);
  // Text in UTF-16 without a byte-order mark: the NULs of ASCII characters fall on one parity.
  if (nul.even + nul.odd > 0) {
    if (buf.length % 2 !== 0) return out;
    if (nul.odd >= 4 * nul.even) out.push("utf-16le");
    if (nul.even >= 4 * nul.odd) out.push("utf-16be");
    return out;
  }
  for (const m of chardetLib().analyse(buf)) {
    const name = DETECTED[m.name];
    // A weak guess among the legacy Chinese encodings is left to the fixed order below.
    if (name !== undefined && name !== "utf-8" && m.confidence >= 25 && !out.includes(name)) out.push(name);
  }
  for (const e of LEGACY) if (!out.includes(e)) out.push(e);
  return out;
}

function nulBytes(buf: Buffer): { even: number; odd: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < buf.length; i++)
    if (buf[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  return { even, odd };
}

function tryUtf8(buf: Buffer): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

function strictUtf8(buf: Buffer, file: string): Decoded {
  const text = tryUtf8(buf);
  if (text === undefined)
    throw new KgError(
      "E_INPUT_ENCODING",
      `${file}: starts with a UTF-8 byte-order mark but is not valid UTF-8; ${HINT}.`,
      { context: { file } },
    );
  return { text, encoding: "utf-8" };
}

/**
 * Whether decoded text reads as text: few control characters and no private-use or
 * unassigned code points (a wrong legacy decoding produces those).
 */
function plausible(text: string): boolean {
  if (text.length === 0) return true;
  let odd = 0;
  for (const m of text.matchAll(/[\p{Cc}\p{Co}\p{Cn}\p{Cs}]/gu)) if (!WHITESPACE.has(m[0])) odd++;
  return odd / text.length < 0.01;
}

const WHITESPACE = new Set(["\t", "\n", "\v", "\f", "\r"]);

/** Control characters other than whitespace mark a binary file (NUL is never text). */
function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  let controls = 0;
  for (const m of text.matchAll(/\p{Cc}/gu)) if (!WHITESPACE.has(m[0])) controls++;
  return text.length > 0 && controls / text.length > 0.01;
}
