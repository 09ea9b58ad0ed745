export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export const median = (values: number[]) => percentile(values, 50);

export function row(label: string, value: string, baseline: string, verdict = ''): string {
  return `${label.padEnd(46)} ${value.padStart(14)}   baseline ${baseline.padStart(14)}   ${verdict}`;
}
