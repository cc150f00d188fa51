// What the figures were measured on: they mean little without the machine, the Node version and the store.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export interface MachineInfo {
  date: string;
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  postgres: string | null;
  loadAverage: string;
}

export function machineInfo(postgresVersion: string | null = null): MachineInfo {
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    // nproc missing: os.cpus() is close enough
  }
  let loadAverage = '';
  try {
    loadAverage = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' })
      .split(' ')
      .slice(0, 3)
      .join(' ');
  } catch {
    loadAverage = 'n/a';
  }
  return {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16),
    nproc,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: postgresVersion,
    loadAverage,
  };
}

export function describeMachine(m: MachineInfo): string {
  return (
    `${m.date} UTC · ${m.nproc} CPUs (${m.cpu}) · ${m.memoryGiB} GiB RAM · Node ${m.node}` +
    `${m.postgres ? ` · ${m.postgres}` : ''} · load average at start ${m.loadAverage}`
  );
}
