import { cpus, loadavg } from 'node:os'

/**
 * The machine a benchmark ran on. Absolute figures differ 2-3x between machines
 * of one kind (and with what else they run); the ratio of a figure to its
 * baseline, measured in the same run on the same machine, is what carries.
 */
export function machineLine(): string {
  const list = cpus()
  const model = list[0]?.model.trim() || 'unknown CPU'
  return `machine: ${model}, ${list.length} cores, load average ${loadavg()[0]!.toFixed(2)} at start, Node ${process.version}`
}

/** `figure` as a multiple of `baseline`, as every benchmark prints it. */
export const ratio = (figure: number, baseline: number): string => `${(figure / baseline).toFixed(2)}x`

/** The p-th percentile of ascending `sorted` samples. */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
