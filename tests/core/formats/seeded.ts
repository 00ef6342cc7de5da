/** A small seeded generator (LCG) so random tests and fuzzers fail the same way every run. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
