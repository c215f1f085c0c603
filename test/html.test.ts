/**
 * HTML input: a saved news page of our own (test/fixtures/encodings/yunshan-2020.html: nav,
 * scripts, a caption and a byline with numbers of their own, a related-news box, a footer)
 * is read through htmlparser2 into exactly the article text of the plain-text fixture, so it
 * gives the same facts at the same offsets, and the graph stores that text.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readHtml } from "../src/article/html.js";
import { articleFromBytes, readArticle } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { SCHEMA } from "../src/rdf/vocab.js";
import { KgStore } from "../src/store/index.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "encodings");
const BIN = join(import.meta.dirname, "..", "bin", "article-kg.js");

describe("a saved news page", () => {
  let page: string;
  let plain: string;
  let tmp: string;
  beforeAll(async () => {
    page = await readFile(join(FIXTURES, "yunshan-2020.html"), "utf8");
    plain = await readFile(join(FIXTURES, "yunshan-2020.txt"), "utf8");
    tmp = await mkdtemp(join(tmpdir(), "kg-html-"));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it("becomes title, dateline and body: the plain-text article exactly", () => {
    const h = readHtml(page);
    expect(h.title).toBe("雲山縣脫貧攻堅取得決定性勝利");
    expect(h.dateline).toBe("2020-12-08 10:15　來源：本網訊");
    expect(h.text).toBe(plain);
    for (const junk of ["articleStats", "首頁", "color", "相關新聞", "版權所有", "500戶", "5.2萬畝", "編輯"])
      expect(h.text).not.toContain(junk);
  });

  it("marks captions, bylines and footers with their role", () => {
    expect(readHtml(page).skipped).toEqual([
      { role: "caption", text: "圖為雲山縣集中安置點，已入住搬遷群眾500戶。" },
      { role: "caption", text: "茶園一景（鄰縣茶園面積達到5.2萬畝）" },
      { role: "byline", text: "作者：李雲　編輯：王小明　審核：張三（共3人）" },
      { role: "footer", text: "相關新聞鄰縣累計減貧5.1萬人" },
      { role: "footer", text: "版權所有 © 2020 雲山縣融媒體中心　聯繫電話 0000-12345678" },
    ]);
  });

  it("gives the same facts at the same offsets as the plain text, each span checkable in its text", async () => {
    const fromPage = await readArticle(join(FIXTURES, "yunshan-2020.html"));
    const fromText = await readArticle(join(FIXTURES, "yunshan-2020.txt"));
    expect(fromPage.published).toBe("2020-12-08");
    const facts = extract(fromPage).observations;
    expect(facts.length).toBeGreaterThanOrEqual(10);
    expect(facts).toEqual(extract(fromText).observations);
    const cps = [...fromPage.text];
    for (const f of facts) expect(cps.slice(f.span.start, f.span.end).join("")).toBe(f.span.exact);
  });

  it("uses the charset the page declares (Big5), and detection when it lies", () => {
    const big5 = iconv.encode(page.replace('charset="utf-8"', 'charset="big5"'), "big5");
    expect(articleFromBytes(big5, "page.html").text).toBe(plain);
    const lying = iconv.encode(page.replace('charset="utf-8"', 'charset="utf-8"'), "gb18030");
    expect(articleFromBytes(lying, "page.html").text).toBe(plain);
  });

  it("without <h1>, <article> or a dateline element: <title> without the site name, the meta date", () => {
    const h =
      readHtml(`<html><head><title>某县新闻_某某网</title><meta property="article:published_time" content="2021-03-05T08:00:00Z"></head>
      <body><div id="nav">首页</div><div><p>全县累计减贫1.2万人。</p><p>新建道路30公里。</p></div>
      <div class="copyright">版权所有 2021</div></body></html>`);
    expect(h.text).toBe("某县新闻\n2021-03-05\n\n全县累计减贫1.2万人。\n\n新建道路30公里。\n");
    expect(h.skipped).toEqual([{ role: "footer", text: "版权所有 2021" }]);
  });

  it("build stores the text it used (schema:text), a page found in a folder like a .txt", async () => {
    const dir = join(tmp, "articles");
    const store = join(tmp, "store");
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    await writeFile(join(dir, "yunshan-2020.html"), page);
    await promisify(execFile)(process.execPath, [BIN, "build", dir, "--store", store]);
    const kg = await KgStore.open(store);
    const r = kg.query(`SELECT ?t WHERE { ?a <${SCHEMA.text}> ?t }`);
    expect(r.kind === "bindings" ? r.rows.map((row) => row.get("t")?.value) : []).toEqual([plain]);
  });
});
