/** Runs the `article-kg` command in a child process (as a user would). */
import { execFile } from "node:child_process";
import { join } from "node:path";

const BIN = join(import.meta.dirname, "..", "..", "bin", "article-kg.js");

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function kg(...args: string[]): Promise<Run> {
  return kgWith({}, ...args);
}

/** Path of the command's entry point. */
export const KG_BIN = BIN;

/** Runs the command with extra environment variables. */
export function kgWith(options: { env?: NodeJS.ProcessEnv }, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { maxBuffer: 256 << 20, env: { ...process.env, ...options.env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}
