/** Process and disk figures read from /proc and the file system (Linux). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Kernel clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface ProcSample {
  at: number;
  cpuSeconds: number;
  rssBytes: number;
}

export function sampleProcess(pid: number): ProcSample | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { at: performance.now(), cpuSeconds: ticks / TICKS_PER_SECOND, rssBytes: rssKb * 1024 };
  } catch {
    return null;
  }
}

/** Average CPU use (1.0 = one core busy) between two samples. */
export function cpuBetween(a: ProcSample, b: ProcSample): number {
  const seconds = (b.at - a.at) / 1000;
  return seconds > 0 ? (b.cpuSeconds - a.cpuSeconds) / seconds : 0;
}

/** Samples a process every `everyMs` until stopped; reports mean CPU and peak RSS. */
export function watchProcess(pid: number, everyMs = 250): { stop(): { cpu: number; peakRssBytes: number; lastRssBytes: number } } {
  const first = sampleProcess(pid);
  let last = first;
  let peak = first?.rssBytes ?? 0;
  const timer = setInterval(() => {
    const sample = sampleProcess(pid);
    if (!sample) return;
    last = sample;
    peak = Math.max(peak, sample.rssBytes);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const end = sampleProcess(pid) ?? last;
      if (end) peak = Math.max(peak, end.rssBytes);
      return { cpu: first && end ? cpuBetween(first, end) : 0, peakRssBytes: peak, lastRssBytes: end?.rssBytes ?? 0 };
    },
  };
}

export function directorySize(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directorySize(full) : fs.statSync(full).size;
  }
  return total;
}

export function machine(): { cores: number; memoryBytes: number; cpuModel: string; node: string; platform: string } {
  return {
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function machineBusySeconds(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [, user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  void idle;
  void iowait;
  return busy / TICKS_PER_SECOND;
}

function pidsCpuSeconds(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (sampleProcess(pid)?.cpuSeconds ?? 0), 0);
}

/**
 * CPU the rest of the machine used (cores) while the bench ran: the machine is shared, and
 * other people's test runs on 2 cores change latency more than anything measured here.
 */
export function watchBackground(ownPids: number[]): { stop(): { machineBusy: number; background: number } } {
  const start = performance.now();
  const machineStart = machineBusySeconds();
  const ownStart = pidsCpuSeconds(ownPids);
  return {
    stop() {
      const seconds = (performance.now() - start) / 1000;
      const machineBusy = (machineBusySeconds() - machineStart) / seconds;
      const own = (pidsCpuSeconds(ownPids) - ownStart) / seconds;
      return { machineBusy: Math.round(machineBusy * 100) / 100, background: Math.round(Math.max(0, machineBusy - own) * 100) / 100 };
    },
  };
}

/**
 * Waits (up to `maxWaitMs`) until the rest of the machine uses under `threshold` cores for one
 * second, so a measurement does not start in the middle of someone else's test run.
 */
export async function waitForQuiet(ownPids: number[], threshold = 0.4, maxWaitMs = 30_000): Promise<{ waitedMs: number; background: number }> {
  const start = performance.now();
  let background = 0;
  do {
    const watch = watchBackground(ownPids);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    background = watch.stop().background;
    if (background < threshold) break;
  } while (performance.now() - start < maxWaitMs);
  return { waitedMs: Math.round(performance.now() - start), background };
}

/** Waits until a process has used under `threshold` cores for two samples in a row (its queues drained). */
export async function waitForIdle(pid: number, threshold = 0.05, maxWaitMs = 180_000): Promise<number> {
  const start = performance.now();
  let previous = sampleProcess(pid);
  let calm = 0;
  while (previous && performance.now() - start < maxWaitMs && calm < 2) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const next = sampleProcess(pid);
    if (!next) break;
    calm = cpuBetween(previous, next) < threshold ? calm + 1 : 0;
    previous = next;
  }
  return Math.round(performance.now() - start);
}
