/** Output of the CLI: text to stdout/stderr with back-pressure, and whether to draw progress. */

/** Writes text to stdout and waits until it is flushed. */
export function out(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
}

/** Writes a line to stderr. */
export function err(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Progress is drawn only on an interactive terminal, never in CI. */
export function interactive(): boolean {
  return process.stderr.isTTY === true && !process.env.CI;
}
