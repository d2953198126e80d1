// The value below which `percent` of the sorted values fall (the lower one at a boundary).
export const percentile = (sorted: readonly number[], percent: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * percent) / 100))] ?? 0;
