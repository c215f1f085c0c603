/**
 * End to end in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
 * runs a named query on the page, checks the table, opens a place page, checks the chart and
 * the highlighted source sentence, and saves a screenshot to test-results/; compares the place
 * page's chart with a committed baseline (test/fixtures/screenshots/, rewritten with
 * UPDATE_SCREENSHOTS=1) and checks that the page logs no error and asks nothing of any host but
 * the server; shows resource pages by label. Skipped when Chromium is missing, failed when CI=true.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparePngs } from "./screenshot.js";
import { buildSamples, http, serve } from "./server.js";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present && process.env.CI) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
if (!present) console.warn(`e2e: skipped, no ${CHROMIUM}`);
const RESULTS = join(import.meta.dirname, "..", "..", "test-results");
const BASELINE = join(import.meta.dirname, "..", "fixtures", "screenshots", "place-621100-chart.png");
/** Share of the chart's pixels that may differ from the baseline (anti-aliasing, not a missing line or label). */
const MAX_DIFF_RATIO = 0.01;

/**
 * Everything that went wrong while a page was open: console errors, uncaught exceptions, failed
 * or 4xx/5xx requests, and any request to another host than the server (aborted: chart.js and
 * every other asset must be served locally, never from a CDN).
 */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    problems.push(`request off localhost: ${url.href}`);
    return route.abort();
  });
  return problems;
}

describe.skipIf(!present)("web page in headless Chromium", () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: BrowserContext;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kg-e2e-"));
    await buildSamples(join(dir, "store"));
    server = await serve({ storeDir: join(dir, "store") });
    // A fresh profile directory (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 1100 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("runs a named query, then shows a place with a chart and the highlighted source", async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("pageerror", (e) => failed.push(e.message));
    await page.goto(`${server.url}/`);
    await page.waitForSelector("#named option[value='facts-by-place']", { state: "attached" });
    // Dingxi instead of the query's default place code.
    await page.selectOption("#named", "facts-by-place");
    const text = await page.inputValue("#query");
    await page.fill("#query", text.replaceAll('"610700"', '"621100"'));
    await page.click("#run");
    await page.waitForSelector("#results tbody tr");
    const headers = await page.$$eval("#results thead th", (ths) => ths.map((t) => t.textContent));
    expect(headers).toEqual(["start", "end", "indicator", "value", "unit", "kind", "approximation", "obs"]);
    expect(await page.$$eval("#results tbody tr", (rows) => rows.length)).toBeGreaterThan(3);

    // Search in Traditional script, then open the place.
    await page.fill("#search", "定西");
    await page.click("#search-form button");
    // wait for the navigation itself: polling during it can find no document body yet
    await Promise.all([page.waitForURL("**/place/621100"), page.click("#search-results a[href='/place/621100']")]);
    await page.waitForFunction(() => document.body?.dataset.ready === "true");
    expect(await page.textContent("#place-name")).toContain("定西市");
    const charts = await page.$$eval("#charts canvas", (cs) =>
      cs.map((c) => ({ w: (c as HTMLCanvasElement).width, h: (c as HTMLCanvasElement).height })),
    );
    expect(charts.length).toBeGreaterThan(0);
    expect(charts[0]?.w).toBeGreaterThan(100);
    // chart.js drew something: a chart instance is registered on the canvas.
    expect(
      await page.evaluate(
        () => Object.keys((window as unknown as { Chart: { instances: object } }).Chart.instances).length,
      ),
    ).toBe(charts.length);
    // The first value's sentence is highlighted inside the article text, the number in bold.
    const mark = await page.textContent("#source mark.source");
    const quote = await page.textContent("#source mark.source strong");
    const firstQuote = await page.textContent("#facts tbody tr:first-child td:last-child");
    expect(quote).toBe(firstQuote);
    expect(mark?.length).toBeGreaterThan(quote?.length ?? 0);
    expect((await page.textContent("#source"))?.length).toBeGreaterThan((mark?.length ?? 0) + 50);
    // Another row moves the highlight.
    await page.click("#facts tbody tr:nth-child(3)");
    expect(await page.textContent("#source mark.source strong")).toBe(
      await page.textContent("#facts tbody tr:nth-child(3) td:last-child"),
    );
    expect(failed).toEqual([]);
    await mkdir(RESULTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(RESULTS, "place-page.png"), fullPage: true });
  });

  it("draws the place page's chart like the baseline, with its labels and values, no errors and nothing off localhost", async () => {
    const page = await browser.newPage();
    const problems = await watch(page);
    await page.goto(`${server.url}/place/621100`);
    await page.waitForFunction(() => document.body?.dataset.ready === "true");
    // The canvas has been drawn on: enough non-transparent pixels, and a chart.js instance on it.
    const canvas = page.locator("#charts canvas").first();
    const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext("2d")?.getImageData(0, 0, c.width, c.height) ?? { data: [] };
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
      return n / (c.width * c.height);
    });
    expect(inked).toBeGreaterThan(0.005);
    expect(
      await canvas.evaluate(
        (c) => (window as unknown as { Chart: { getChart(c: unknown): unknown } }).Chart.getChart(c) !== undefined,
      ),
    ).toBe(true);

    // Labels and values as the data says: the chart's title, the table's first row.
    const data = JSON.parse((await http(`${server.url}/api/place/621100`)).body) as {
      name: string;
      facts: { indicatorLabel: string; unitLabel: string; value: string; start?: string; end?: string }[];
    };
    expect(await page.textContent("#place-name")).toBe(`${data.name} (621100)`);
    const charted = data.facts.find((f) => f.start !== undefined && f.start === f.end);
    expect(await page.textContent("#charts .chart-box h3")).toBe(`${charted?.indicatorLabel} (${charted?.unitLabel})`);
    const first = data.facts[0];
    const cells = await page.$$eval("#facts tbody tr:first-child td", (tds) => tds.map((t) => t.textContent ?? ""));
    expect(cells[0]).toContain(first?.indicatorLabel);
    expect(cells[2]).toBe(new Intl.NumberFormat("zh-Hans", { maximumFractionDigits: 4 }).format(Number(first?.value)));
    expect(cells[3]).toContain(first?.unitLabel);
    expect(first?.unitLabel).toMatch(/\p{Script=Han}/u); // the zh-Hans label of the unit, not its code

    // The chart against the committed baseline.
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = await page.locator("#charts .chart-box").first().screenshot();
    await mkdir(RESULTS, { recursive: true });
    await writeFile(join(RESULTS, "place-621100-chart.png"), shot);
    if (process.env.UPDATE_SCREENSHOTS === "1" || (!existsSync(BASELINE) && !process.env.CI)) {
      await mkdir(join(BASELINE, ".."), { recursive: true });
      await writeFile(BASELINE, shot);
      console.warn(`e2e: wrote the baseline ${BASELINE}`);
    }
    const diff = await comparePngs(browser, shot, await readFile(BASELINE));
    expect(diff.otherSize, "size of the chart differs from the baseline").toBeUndefined();
    expect(
      diff.ratio,
      `${diff.differing} of ${diff.width}×${diff.height} pixels differ from ${BASELINE} (new image in test-results/; UPDATE_SCREENSHOTS=1 rewrites the baseline)`,
    ).toBeLessThanOrEqual(MAX_DIFF_RATIO);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows an observation by the labels of its indicator, place, period and unit, in the asked language", async () => {
    const page = await browser.newPage();
    const problems = await watch(page);
    const summary = async (lang: string) => {
      await page.goto(`${server.url}/observation/dingxi-2021/1?lang=${lang}`);
      await page.waitForFunction(() => document.body?.dataset.ready === "true");
      return page.$$eval("#summary dd", (dds) =>
        dds.map((d) => ({ text: d.textContent ?? "", href: d.querySelector("a")?.getAttribute("href") ?? "" })),
      );
    };
    const hans = await summary("zh-Hans");
    expect(hans.map((d) => d.href)).toEqual([
      expect.stringMatching(/^\/indicator\//u),
      "/place/621100",
      expect.stringMatching(/^\/period\/2016-/u),
      "/ontology#Result",
      "/unit/PERSON",
    ]);
    expect(hans[1]?.text).toContain("定西市");
    expect(hans[2]?.text).toContain("2016–");
    expect(hans[4]?.text).toMatch(/^468,000 人/u);
    expect(await page.getAttribute("html", "lang")).toBe("zh-Hans");
    const en = await summary("en");
    expect(en[0]?.text).toMatch(/^[\x20-\x7e]+/u);
    expect(en[0]?.text).not.toBe(hans[0]?.text);
    expect(en[4]?.text).toContain("person");
    // no raw IRI of the base is shown as a link text anywhere on the page
    const texts = await page.$$eval("#summary a", (as) => as.map((a) => a.textContent ?? ""));
    for (const t of texts) expect(t).not.toMatch(/^https?:/u);
    // a kg: term opens the ontology page at its own entry
    await page.goto(`${server.url}/ontology#indicator`);
    await page.waitForFunction(() => document.body?.dataset.ready === "true");
    expect(await page.textContent("#indicator h3")).toContain("kg:indicator");
    expect(await page.isVisible("#indicator")).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
