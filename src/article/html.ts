/**
 * A saved news page → the article text, through a real HTML parser (htmlparser2): the title
 * (the page's <h1>, else its <title> without the site name), the dateline (a <time>, a
 * date/source line, or the publication-time meta tag) and the body paragraphs, laid out like
 * the plain-text articles: title, dateline, a blank line, paragraphs apart by blank lines.
 * Scripts, styles, navigation and forms are dropped; captions, bylines and footers are
 * marked (returned as `skipped`, with their role) and left out of the text, so extraction
 * never reads them. Offsets of facts refer to the returned text, which is what the graph stores.
 */
import { createRequire } from "node:module";
import type * as Htmlparser2 from "htmlparser2";

type Document = ReturnType<typeof Htmlparser2.parseDocument>;
type Node = Document["children"][number];
type Element = Parameters<typeof Htmlparser2.DomUtils.getAttributeValue>[0];

const require = createRequire(import.meta.url);
/**
 * htmlparser2's DOM helpers, loaded (its CommonJS build, synchronously) by the first page read:
 * with its entity tables it was a sizeable part of the start-up of every command that reads
 * plain-text articles.
 */
let DomUtils: typeof Htmlparser2.DomUtils;
let parseDocument: typeof Htmlparser2.parseDocument;
function loadParser(): void {
  if (parseDocument !== undefined) return;
  ({ DomUtils, parseDocument } = require("htmlparser2") as typeof Htmlparser2);
}

/** Why a part of the page is not in the article text. */
export type SkippedRole = "caption" | "byline" | "footer";

/** The article read from a page. */
export interface HtmlArticle {
  /** Title, dateline (if any), a blank line, then the body paragraphs apart by blank lines. */
  readonly text: string;
  readonly title: string;
  readonly dateline: string | undefined;
  /** Parts of the page marked as not article text. */
  readonly skipped: readonly { readonly role: SkippedRole; readonly text: string }[];
}

/** Elements whose content is never article text. */
const DROP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "form",
  "button",
  "select",
  "textarea",
  "iframe",
  "svg",
  "canvas",
  "head",
  "menu",
]);

/** Elements that end a line. */
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "table",
  "tr",
  "td",
  "th",
  "blockquote",
  "pre",
  "figure",
  "figcaption",
  "footer",
  "aside",
  "address",
  "hr",
  "center",
]);

/** class/id words of the roles (Chinese news sites use these, and so do CMS templates). */
const ROLE_WORDS: readonly [SkippedRole, RegExp][] = [
  ["caption", /(?:^|[-_\s])(?:caption|pic-?info|img-?(?:desc|title|note)|photo-?(?:desc|note))(?:$|[-_\s])/iu],
  ["byline", /(?:^|[-_\s])(?:author|byline|editor|reporter|writer)(?:$|[-_\s])/iu],
  [
    "footer",
    /(?:^|[-_\s])(?:footer|foot|copyright|share|related|recommend|comment|breadcrumb|sidebar|ad|ads|advert)(?:$|[-_\s])/iu,
  ],
];
const DATELINE_WORDS = /(?:^|[-_\s])(?:date|time|pubtime|pub-?date|publish|info|source|meta)(?:$|[-_\s])/iu;
const DATE = /(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/u;

/** Reads a page. */
export function readHtml(html: string): HtmlArticle {
  loadParser();
  const doc = parseDocument(html, { decodeEntities: true });
  const skipped: { role: SkippedRole; text: string }[] = [];
  const h1 = DomUtils.findOne((e) => e.name === "h1", doc.children, true);
  const title = clean(h1 ? textOf(h1) : titleOfHead(doc));
  const container = bodyOf(doc);
  const lines: string[] = [];
  let dateline: { text: string; element: Element | undefined } | undefined = datelineOf(doc, container);
  walk(container, lines, { h1, dateline: dateline?.element });
  markRoles(doc, skipped);
  const body = lines.map(clean).filter((l) => l !== "" && l !== title && l !== dateline?.text);
  if (dateline === undefined) {
    const meta = metaDate(doc);
    if (meta !== undefined) dateline = { text: meta, element: undefined };
  }
  const head = [title, ...(dateline ? [dateline.text] : [])].filter((l) => l !== "");
  return {
    // Paragraphs apart by a blank line, as in the plain-text articles.
    text: `${[...head, "", body.join("\n\n")].join("\n").replace(/^\n+/u, "")}\n`,
    title,
    dateline: dateline?.text,
    skipped,
  };
}

/** Whether bytes or text look like an HTML page (a doctype or an <html> tag at the start). */
export function looksLikeHtml(start: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/iu.test(start.slice(0, 2048));
}

/** The charset a page declares in its first bytes (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/iu.exec(head)?.[1]?.toLowerCase();
}

function titleOfHead(doc: Document): string {
  const t = DomUtils.findOne((e) => e.name === "title", doc.children, true);
  if (t === null) return "";
  // "Headline - Site name", "Headline_Site", "Headline | Site": keep the headline.
  return (textOf(t).split(/\s+[-–—|_]\s+|_/u)[0] ?? "").trim();
}

/** The element holding the article: <article>, else the block with the most paragraph text, else <body>. */
function bodyOf(doc: Document): Element | Document {
  const article = DomUtils.findOne((e) => e.name === "article", doc.children, true);
  if (article) return article;
  let best: Element | undefined;
  let bestChars = 0;
  for (const e of DomUtils.findAll((x) => x.name === "div" || x.name === "section" || x.name === "td", doc.children)) {
    if (roleOf(e) !== undefined) continue;
    const chars = e.children
      .filter((c): c is Element => DomUtils.isTag(c) && c.name === "p")
      .reduce((n, p) => n + textOf(p).trim().length, 0);
    if (chars > bestChars) {
      best = e;
      bestChars = chars;
    }
  }
  return best ?? DomUtils.findOne((e) => e.name === "body", doc.children, true) ?? doc;
}

/** A <time>, or a short element marked as date/source/info holding a date. */
function datelineOf(doc: Document, container: Element | Document): { text: string; element: Element } | undefined {
  const candidates = DomUtils.findAll(
    (e) => e.name === "time" || DATELINE_WORDS.test(`${e.attribs.class ?? ""} ${e.attribs.id ?? ""}`),
    doc.children,
  );
  for (const e of candidates) {
    if (e === container || isAncestor(e, container)) continue;
    const text = clean(textOf(e));
    if (text.length <= 80 && DATE.test(text)) return { text, element: e };
  }
  return undefined;
}

function isAncestor(a: Element, b: Element | Document): boolean {
  for (let n = b.parent; n !== null; n = n.parent) if (n === a) return true;
  return false;
}

function metaDate(doc: Document): string | undefined {
  const meta = DomUtils.findOne(
    (e) =>
      e.name === "meta" &&
      /^(?:article:published_time|pubdate|publishdate|date|dc\.date)$/iu.test(
        e.attribs.property ?? e.attribs.name ?? "",
      ),
    doc.children,
    true,
  );
  const m = DATE.exec(meta?.attribs.content ?? "");
  return m?.[0];
}

function roleOf(e: Element): SkippedRole | undefined {
  if (e.name === "figcaption") return "caption";
  if (e.name === "footer" || e.name === "aside") return "footer";
  const words = `${e.attribs.class ?? ""} ${e.attribs.id ?? ""}`;
  for (const [role, re] of ROLE_WORDS) if (re.test(words)) return role;
  return undefined;
}

/** Every outermost caption, byline and footer of the page, in document order. */
function markRoles(node: Element | Document, skipped: { role: SkippedRole; text: string }[]): void {
  for (const child of node.children as Node[]) {
    if (!DomUtils.isTag(child) || DROP.has(child.name)) continue;
    const role = roleOf(child);
    if (role === undefined) markRoles(child, skipped);
    else {
      const text = clean(textOf(child));
      if (text !== "") skipped.push({ role, text });
    }
  }
}

function walk(
  node: Element | Document,
  lines: string[],
  taken: { h1: Element | null; dateline: Element | undefined },
): void {
  if (lines.length === 0) lines.push("");
  for (const child of node.children as Node[]) {
    if (DomUtils.isText(child)) {
      lines[lines.length - 1] += child.data;
      continue;
    }
    if (!DomUtils.isTag(child)) continue;
    if (DROP.has(child.name) || child === taken.h1 || child === taken.dateline) continue;
    if (child.name === "br") {
      lines.push("");
      continue;
    }
    if (roleOf(child) !== undefined) continue;
    const block = BLOCK.has(child.name);
    if (block) lines.push("");
    walk(child, lines, taken);
    if (block) lines.push("");
  }
}

function textOf(e: Element): string {
  let out = "";
  for (const c of e.children as Node[]) {
    if (DomUtils.isText(c)) out += c.data;
    else if (DomUtils.isTag(c) && !DROP.has(c.name)) out += c.name === "br" ? "\n" : textOf(c);
  }
  return out;
}

/**
 * Whitespace as a browser shows it: runs of HTML whitespace collapse to one space, except a run
 * that breaks a line between two non-ASCII characters (a wrapped Chinese paragraph in the
 * source), which goes; ideographic spaces are kept inside a line and trimmed at its ends.
 */
function clean(s: string): string {
  return s
    .replace(/(?<=[^\p{ASCII}])[ \t\f\r]*\n[ \t\n\f\r]*(?=[^\p{ASCII}])/gu, "")
    .replace(/[ \t\n\f\r]+/gu, " ")
    .replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/gu, "");
}
