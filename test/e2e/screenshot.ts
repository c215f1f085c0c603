/**
 * Screenshot baselines without an image library: both PNGs are decoded and compared by the
 * browser under test itself (an <img> per image drawn on a canvas, then getImageData), so the
 * test needs nothing beyond playwright-core and Chromium. A pixel differs when one of its
 * channels differs by more than `channelTolerance`; the images match when at most `maxRatio`
 * of the pixels differ.
 */
import type { BrowserContext } from "playwright-core";

/** How two PNGs compare. */
export interface PixelDiff {
  readonly width: number;
  readonly height: number;
  /** Size of the other image when the sizes differ (nothing else is compared then). */
  readonly otherSize?: string;
  readonly differing: number;
  readonly ratio: number;
}

/** Compares two PNG images pixel by pixel in a blank page of the browser. */
export async function comparePngs(
  browser: BrowserContext,
  actual: Buffer,
  expected: Buffer,
  channelTolerance = 48,
): Promise<PixelDiff> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ([a, b, tolerance]) => {
        const pixels = async (src: string) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext("2d");
          if (ctx === null) throw new Error("no 2d canvas");
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, canvas.width, canvas.height);
        };
        const x = await pixels(a);
        const y = await pixels(b);
        if (x.width !== y.width || x.height !== y.height)
          return { width: x.width, height: x.height, otherSize: `${y.width}×${y.height}`, differing: -1, ratio: 1 };
        let differing = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          let d = 0;
          for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs((x.data[i + c] ?? 0) - (y.data[i + c] ?? 0)));
          if (d > tolerance) differing++;
        }
        return { width: x.width, height: x.height, differing, ratio: differing / (x.width * x.height) };
      },
      [
        `data:image/png;base64,${actual.toString("base64")}`,
        `data:image/png;base64,${expected.toString("base64")}`,
        channelTolerance,
      ] as const,
    );
  } finally {
    await page.close();
  }
}
