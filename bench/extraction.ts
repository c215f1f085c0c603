/**
 * Extraction throughput from `bench/extract.bench.ts` (owned by the extraction work; run as it
 * is, in child processes): MB/s of its full-pipeline line on one core, and the summed MB/s of
 * one copy per core running at once (independent processes: the ceiling of a parallel build).
 */
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCRIPT = fileURLToPath(new URL("./extract.bench.ts", import.meta.url));

function runOnce(): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.on("close", () => {
      const m = /^extract \(full pipeline\).*?([\d.]+) MB\/s/mu.exec(out);
      resolve(m ? Number(m[1]) : null);
    });
  });
}

/** MB/s of extraction on one core and on all cores (null when the script's output changed). */
export async function extractionThroughput(): Promise<{
  oneCore: number | null;
  allCores: number | null;
  cores: number;
}> {
  const oneCore = await runOnce();
  const cores = availableParallelism();
  const all = await Promise.all(Array.from({ length: cores }, () => runOnce()));
  const allCores = all.every((x) => x !== null) ? all.reduce((a: number, x) => a + (x ?? 0), 0) : null;
  return { oneCore, allCores, cores };
}
