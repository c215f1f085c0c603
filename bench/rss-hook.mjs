// Preloaded (node --import) into a command the benchmark runs: on exit, the main thread prints
// the process's peak resident memory (KiB) on stderr, where corpora.ts reads it. A plain
// preload, not `--input-type=module -e`: worker threads inherit the flags, and -e's broke them.
import { isMainThread } from "node:worker_threads";

if (isMainThread) process.on("exit", () => process.stderr.write(`\n@@maxrss ${process.resourceUsage().maxRSS}\n`));
