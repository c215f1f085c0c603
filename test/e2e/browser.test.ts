/**
 * End to end in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
 * runs a named query on the page, checks the table, opens a place page, checks the chart and
 * the highlighted source sentence, and saves a screenshot to test-results/. Skipped when
 * Chromium is missing, failed when CI=true.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSamples, serve } from "./server.js";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present && process.env.CI) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
if (!present) console.warn(`e2e: skipped, no ${CHROMIUM}`);
const RESULTS = join(import.meta.dirname, "..", "..", "test-results");

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
});
