export interface StressOptions {
  seed: number;
  /** Overrides each part's default number of tries. */
  tries?: number;
}

export interface StressResult {
  tries: number;
  /** What was counted, e.g. { crashes: 0, hangs: 0, refused: 12 }. */
  counts: Record<string, number>;
  /** The counts that are failures (aim 0). */
  failures: string[];
  /** A few failing inputs, described briefly, to reproduce with the same seed. */
  examples?: string[];
}
