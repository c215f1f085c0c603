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
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 256 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
