/** Latency summaries. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number): number => (sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number));
  return { count: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(at(1)) };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Ensemble's figure divided by the reference's, or null when either is missing. */
export function ratio(ensemble: number | null | undefined, reference: number | null | undefined): number | null {
  if (ensemble == null || reference == null || !Number.isFinite(ensemble) || !Number.isFinite(reference) || reference === 0) return null;
  return round(ensemble / reference, 3);
}
