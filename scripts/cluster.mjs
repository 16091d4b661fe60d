// `npm run cluster [-- --instances=N]`: a local trial of several instances (docs/deployment.md).
// Starts PostgreSQL and Redis from Debian's packages with their data in ./data/cluster
// (installing the packages with apt-get when they are missing and this runs as root), then N
// Ensemble instances (default 2) on consecutive ports from 4321, sharing both. Ctrl-C stops
// everything. The database stays in ./data/cluster/postgres for the next run.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { buildClientIfNeeded, repoRoot } from './clientBuild.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const baseDir = path.join(repoRoot, 'data', 'cluster');

function fail(message) {
  console.error(`npm run cluster: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { instances: 2, port: 4321 };
  for (const arg of argv) {
    const match = /^--(instances|port)=(\d+)$/.exec(arg);
    if (!match) fail(`unknown option ${arg} (use --instances=N, from 1 to 16, and --port=FIRST_PORT).`);
    options[match[1]] = Number(match[2]);
  }
  if (options.instances < 1 || options.instances > 16) fail('--instances must be between 1 and 16.');
  if (options.port < 1024 || options.port + options.instances > 65535) fail('--port must leave room for every instance below 65536.');
  return options;
}

function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((t) => fs.existsSync(path.join(dir, t))));
  return found ?? null;
}

function redisBin() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin'])) {
    if (dir && fs.existsSync(path.join(dir, 'redis-server'))) return path.join(dir, 'redis-server');
  }
  return null;
}

/** Installs Debian's postgresql and redis-server when missing (as root), or explains what to do. */
function ensurePackages() {
  const missing = [];
  if (!postgresBin()) missing.push('postgresql');
  if (!redisBin()) missing.push('redis-server');
  if (missing.length === 0) return;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    fail(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not installed. Install Debian's packages (sudo apt-get install ${missing.join(' ')}) or run this as root to have them installed.`);
  }
  console.log(`Installing ${missing.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed.`);
  }
  if (!postgresBin() || !redisBin()) fail('the packages were installed but their programs were not found.');
}

/** PostgreSQL refuses to run as root: as root, its tools run as the postgres user. */
function runPostgresTool(bin, tool, args) {
  const [command, commandArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  return execFileSync(command, commandArgs, { stdio: 'pipe', encoding: 'utf8' });
}

function freePort(preferred) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => (preferred ? freePort(0).then(resolve) : resolve(0)));
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startPostgres(bin) {
  const dir = path.join(baseDir, 'postgres');
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dir, { recursive: true });
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    console.log('Creating the PostgreSQL cluster in data/cluster/postgres…');
    // Local trial only: connections are accepted from 127.0.0.1 and the socket directory alone.
    runPostgresTool(bin, 'initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C']);
  }
  const port = await freePort(5433);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  try {
    runPostgresTool(bin, 'pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
  } catch (error) {
    fail(`PostgreSQL did not start (see data/cluster/postgres/server.log): ${error.stderr || error.message}`);
  }
  const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'ensemble'");
  if (exists.rowCount === 0) await admin.query('CREATE DATABASE ensemble');
  await admin.end();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/ensemble`,
    stop: () => runPostgresTool(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
    running: () => {
      try {
        runPostgresTool(bin, 'pg_ctl', ['-D', dataDir, 'status']);
        return true;
      } catch {
        return false;
      }
    },
  };
}

async function startRedis(binary) {
  const dir = path.join(baseDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort(6380);
  // The relay keeps nothing worth saving (the log is in PostgreSQL): persistence off.
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  await waitForPort(port, 10_000, () => child.exitCode !== null && fail('redis-server exited at start.'));
  return { url: `redis://127.0.0.1:${port}`, child };
}

async function waitForPort(port, timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    check();
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fail(`nothing answered on port ${port}.`);
}

function startInstance(index, port, env) {
  const name = `instance-${index + 1}`;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server', 'src', 'main.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), INSTANCE_ID: name, DATA_DIR: path.join(baseDir, name) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C reaches this script only, which stops everything in order.
    detached: true,
  });
  const listening = new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`${name} exited before listening (${signal ?? `exit ${code}`}); is port ${port} free?`)));
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream.on('data', (chunk) => {
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          process.stdout.write(`[${name}] ${line}\n`);
          const match = /"event":"listening","url":"([^"]+)"/.exec(line);
          if (match) resolve(match[1]);
        }
      });
    }
  });
  return { name, child, listening };
}

const options = parseArgs(process.argv.slice(2));
ensurePackages();
fs.mkdirSync(baseDir, { recursive: true });
await buildClientIfNeeded();
const postgres = await startPostgres(postgresBin());
const redis = await startRedis(redisBin());
console.log(`PostgreSQL: ${postgres.url}\nRedis:      ${redis.url}`);

const env = { DATABASE_URL: postgres.url, REDIS_URL: redis.url, HOST: process.env.HOST ?? '127.0.0.1' };
const instances = Array.from({ length: options.instances }, (_, i) => startInstance(i, options.port + i, env));
let stopping = false;
for (const instance of instances) {
  instance.child.once('exit', (code, signal) => {
    if (!stopping) console.error(`[${instance.name}] stopped on its own (${signal ?? `exit ${code}`}); the other instances keep serving.`);
  });
}
let urls = [];
try {
  urls = await Promise.all(instances.map((i) => i.listening));
} catch (error) {
  console.error(`npm run cluster: ${error.message}`);
  await stopAll('start failed', 1);
}
console.log(`\nEnsemble is running on ${urls.length} instance${urls.length > 1 ? 's' : ''}:\n${urls.map((u) => `  ${u}`).join('\n')}\nPut a load balancer in front (docs/deployment.md), or open each address directly. Ctrl-C stops everything.\n`);

async function stopAll(signal, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the instances, Redis and PostgreSQL…`);
  await Promise.all(
    instances.map((i) => (i.child.exitCode !== null || i.child.signalCode !== null ? null : new Promise((resolve) => (i.child.once('exit', resolve), i.child.kill('SIGTERM'))))),
  );
  await new Promise((resolve) => (redis.child.exitCode !== null ? resolve() : (redis.child.once('exit', resolve), redis.child.kill('SIGTERM'))));
  try {
    postgres.stop();
  } catch (error) {
    if (postgres.running()) console.error(`PostgreSQL did not stop cleanly: ${error.stderr || error.message}`);
  }
  console.log('Stopped.');
  process.exit(exitCode);
}
process.on('SIGINT', () => void stopAll('SIGINT'));
process.on('SIGTERM', () => void stopAll('SIGTERM'));
