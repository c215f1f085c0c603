/** A one-line progress bar on stderr (only drawn when `interactive()`). */
import { interactive } from "./io.js";

/** Progress of a known number of steps. */
export class Progress {
  readonly #total: number;
  readonly #enabled: boolean;
  #done = 0;
  #last = 0;
  constructor(total: number, enabled: boolean = interactive()) {
    this.#total = total;
    this.#enabled = enabled && total > 0;
  }
  /** One step done; `label` says which. */
  tick(label: string): void {
    this.#done++;
    if (!this.#enabled) return;
    const now = Date.now();
    if (now - this.#last < 50 && this.#done < this.#total) return;
    this.#last = now;
    const width = 24;
    const filled = Math.round((this.#done / this.#total) * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const name = label.length > 40 ? `…${label.slice(-39)}` : label;
    process.stderr.write(`\r\x1b[2K${bar} ${this.#done}/${this.#total} ${name}`);
  }
  /** Clears the bar. */
  done(): void {
    if (this.#enabled) process.stderr.write("\r\x1b[2K");
  }
}
