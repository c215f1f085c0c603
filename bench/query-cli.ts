/**
 * A repeated `article-kg query` on a big store, as a user runs it: fresh processes of the
 * command, with `article-kg serve` running on the store (found through serve.json) and without.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCommand } from "./corpora.js";
import { median } from "./stats.js";

const BIN = fileURLToPath(new URL("../bin/article-kg.js", import.meta.url));

/** Starts `article-kg serve` on a store and waits until it has announced itself. */
export async function startServe(storeDir: string, timeoutMs = 600_000): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [BIN, "serve", "--store", storeDir, "--port", "0", "--workers", "1", "--timeout", "60000"],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  child.stderr?.resume();
  const until = Date.now() + timeoutMs;
  while (!existsSync(join(storeDir, "serve.json"))) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}`);
    if (Date.now() > until) throw new Error("serve did not start in time");
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

/** Stops a server started by `startServe` and waits for it to exit (its serve.json is removed). */
export async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** Median wall seconds of `runs` fresh `article-kg query ARGS… --store DIR` processes. */
export async function cliQuerySeconds(storeDir: string, args: readonly string[], runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runCommand(["query", ...args, "--store", storeDir, "--format", "tsv"]);
    if (r.code !== 0) throw new Error(`query exited ${r.code}: ${r.stderr}`);
    times.push(r.seconds);
  }
  return median(times);
}
