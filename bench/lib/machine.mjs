// The machine the bench ran on.
import { spawnSync } from 'node:child_process';
import os from 'node:os';

export function machineInfo() {
  const cpus = os.cpus();
  const lo = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return {
    cpu: cpus[0]?.model ?? 'inconnu',
    cores: os.availableParallelism(),
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    libreoffice: lo.status === 0 ? lo.stdout.trim().split('\n')[0] : undefined,
  };
}
