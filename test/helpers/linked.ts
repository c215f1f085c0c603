/** Helpers of the linked-data tests: CI detection, a runnable-command check and the corpus to build. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** In CI (CI=true) a missing tool or service fails the test instead of skipping it. */
export const IN_CI = process.env.CI === "true";

/** Whether a command runs (`cmd args…` exits 0). */
export function has(cmd: string, args: readonly string[] = ["--version"]): boolean {
  try {
    execFileSync(cmd, [...args], { stdio: "ignore", timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** The dev corpus (../shared/corpus/dev) when it is there, else the shipped samples. */
export function corpusDir(): string {
  const dev = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "dev");
  return existsSync(dev) ? dev : join(import.meta.dirname, "..", "..", "data", "samples");
}
