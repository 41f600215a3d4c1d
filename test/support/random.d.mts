/** A small seeded generator (mulberry32) of numbers in [0, 1), so that a failing random test replays. */
export function seededRandom(seed: number): () => number;
