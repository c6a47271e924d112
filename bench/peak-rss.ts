// The peak resident memory of this process alone, in MiB, as the benchmark's children report it.
//
// Not `process.resourceUsage().maxRSS`: on Linux that is getrusage's ru_maxrss, which execve
// carries over from the process that forked (the kernel keeps the larger of the old image's peak
// and the new one's). A child spawned by a benchmark parent holding a 100 MB report it had just
// parsed reported the parent's 223 MiB for a read that peaked at 119 MiB (measured 2026-12-03).
// /proc/self/status's VmHWM is the peak of this process's own address space, its threads
// included; where there is no /proc, maxRSS is the best there is.
import { readFileSync } from 'node:fs';

export function peakRssMiB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // No /proc (macOS): below.
  }
  return process.resourceUsage().maxRSS / 1024;
}
