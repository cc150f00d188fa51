// Runs a command as a child process and samples the resident memory of it and its descendants (tsx and
// npx start child processes of their own) from /proc, so that a "peak RSS" is the peak of the real work.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ChildRun {
  code: number | null;
  seconds: number;
  /** Largest sum of VmRSS over the process tree seen while sampling, in bytes. */
  peakRssBytes: number;
  stdout: string;
  stderr: string;
}

function children(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return tasks ? tasks.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function treeRss(pid: number): number {
  let total = rssOf(pid);
  for (const child of children(pid)) total += treeRss(child);
  return total;
}

export function runWithRss(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; intervalMs?: number; echo?: boolean } = {},
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (options.echo) process.stderr.write(chunk);
    });
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, options.intervalMs ?? 50);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - start) / 1000, peakRssBytes: peak, stdout, stderr });
    });
  });
}

export const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
