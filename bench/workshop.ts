/**
 * `npx tsx bench/workshop.ts`: a live workshop under load. A real Ensemble server runs in its own
 * process on loopback; 60 participants (each with their own session and event stream) post ideas
 * at once, the facilitator reveals them, then everyone spends their dots at once (plus one dot too
 * many, which the server must refuse). Like the web client, each participant refetches its own
 * view after a notice, at most one fetch in flight. Prints latency percentiles of commands, of
 * notice delivery (command sent -> each participant's stream told) and of state fetches, as a
 * table and as JSON. Bounded in time: gives up after --timeout ms.
 *   --participants=60 --ideas=3 --votes=3 --timeout=120000 --no-refetch --cpu-prof (server profile in /tmp/wsprof)
 * On a shared machine the figures move with the load of other processes: the JSON gives the
 * load average at the start and at the end, so runs can be compared fairly.
 * The same file is the server process when started with --serve=<config JSON>.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const args = new Map(process.argv.slice(2).map((a) => /^--([a-z-]+)(?:=(.*))?$/.exec(a)).filter((m) => m !== null).map((m) => [m[1] as string, m[2] ?? 'true']));
const num = (key: string, fallback: number) => Number(args.get(key) ?? fallback);

async function serve(config: Record<string, string>): Promise<void> {
  const { startServer } = await import('../server/src/app');
  const { loadConfig } = await import('../server/src/config');
  const server = await startServer(loadConfig(config));
  process.stdout.write(JSON.stringify({ ready: server.url }) + '\n');
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);
};
const figures = (values: number[]) => ({ count: values.length, p50: pct(values, 50), p95: pct(values, 95), p99: pct(values, 99), max: pct(values, 100) });

interface Person {
  token: string;
  noticesAt: Array<{ revision: number; at: number }>;
  fetching: boolean;
  again: boolean;
  stop: AbortController;
}

async function bench(): Promise<void> {
  const participants = num('participants', 60);
  const ideas = num('ideas', 3);
  const votes = num('votes', 3);
  const refetch = !args.has('no-refetch');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ensemble-bench-workshop-'));
  const config = { HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', LIMIT_INVITE_ACCEPTS_PER_WINDOW: '100000' };
  const child = spawn(process.execPath, [...(args.has('cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir=/tmp/wsprof'] : []), '--import', 'tsx', fileURLToPath(import.meta.url), `--serve=${JSON.stringify(config)}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const deadline = setTimeout(() => {
    process.stderr.write(`workshop bench: gave up after ${num('timeout', 120_000)} ms\n`);
    child.kill('SIGKILL');
    process.exit(1);
  }, num('timeout', 120_000));
  const people: Person[] = [];
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('{"ready"') && resolve((JSON.parse(line) as { ready: string }).ready));
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    const call = async (token: string, method: string, route: string, body?: unknown) => {
      const res = await fetch(url + route, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
    };
    const setup = await fetch(`${url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ displayName: 'Facilitator', email: 'f@example.org', password: 'a long passphrase' }) });
    const owner = ((await setup.json()) as { token: string }).token;
    const workspaceId = (await call(owner, 'POST', '/api/workspaces', { name: 'Bench', purpose: 'workshop-series' })).body.id as string;
    const roles = ['person', 'caregiver', 'clinician', 'peer_supporter', 'manager', 'citizen'];
    const tokens = await Promise.all(
      Array.from({ length: participants }, async (_, i) => {
        const invitation = await call(owner, 'POST', `/api/workspaces/${workspaceId}/invitations`, { role: roles[i % roles.length], permission: 'editor' });
        const accepted = await fetch(`${url}/api/invitations/${invitation.body.token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ displayName: `P${i}` }) });
        return ((await accepted.json()) as { token: string }).token;
      }),
    );
    const workshopId = (await call(owner, 'POST', `/api/workspaces/${workspaceId}/workshops`, { title: 'Bench', votesPerPerson: votes })).body.id as string;
    const w = `/api/workshops/${workshopId}`;
    const first = (await call(owner, 'GET', `${w}/state`)).body;
    await call(owner, 'POST', `${w}/step`, { stepId: first.steps[1].id });

    const fetches: number[] = [];
    const fetchState = (p: Person) => {
      if (p.fetching) return void (p.again = true);
      p.fetching = true;
      const t0 = performance.now();
      void call(p.token, 'GET', `${w}/state`).then(() => {
        fetches.push(performance.now() - t0);
        p.fetching = false;
        if (p.again) {
          p.again = false;
          fetchState(p);
        }
      });
    };
    const streamsReady: Array<Promise<void>> = [];
    for (const token of tokens) {
      const p: Person = { token, noticesAt: [], fetching: false, again: false, stop: new AbortController() };
      people.push(p);
      streamsReady.push(
        new Promise<void>((ready) => {
          void fetch(`${url}${w}/events`, { headers: { authorization: `Bearer ${token}` }, signal: p.stop.signal })
            .then(async (res) => {
              let buffer = '';
              for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
                buffer += Buffer.from(chunk).toString('utf8');
                const frames = buffer.split('\n\n');
                buffer = frames.pop() ?? '';
                for (const frame of frames) {
                  const data = /^data: (.*)$/m.exec(frame)?.[1];
                  if (!data) continue;
                  if (frame.startsWith('event: ready')) ready();
                  p.noticesAt.push({ revision: (JSON.parse(data) as { revision: number }).revision, at: performance.now() });
                  if (refetch && frame.startsWith('event: change')) fetchState(p);
                }
              }
            })
            .catch(() => ready());
        }),
      );
    }
    await Promise.all(streamsReady);
    // Everyone has the page open before the clock starts, as in a room (and the server is warm).
    await Promise.all(tokens.map((token) => call(token, 'GET', `${w}/state`)));
    const loadBefore = loadavg()[0] as number;

    const sentAt = new Map<number, number>();
    const timed = async (lat: number[], token: string, method: string, route: string, body: unknown) => {
      const t0 = performance.now();
      const res = await call(token, method, route, body);
      lat.push(performance.now() - t0);
      if (typeof res.body.revision === 'number' && res.status < 300) sentAt.set(res.body.revision, t0);
      return res;
    };
    const posts: number[] = [];
    const started = performance.now();
    const column = first.columns[0].id as string;
    await Promise.all(tokens.map(async (token, i) => {
      for (let k = 0; k < ideas; k++) await timed(posts, token, 'POST', `${w}/cards`, { columnId: column, text: `Idea ${k} from P${i}` });
    }));
    await call(owner, 'POST', `${w}/reveal`, { what: 'cards' });
    const cards = ((await call(owner, 'GET', `${w}/state`)).body.cards as Array<{ id: string }>).map((c) => c.id);
    const voteLatency: number[] = [];
    let refused = 0;
    await Promise.all(tokens.map(async (token, i) => {
      const mine = new Map<string, number>();
      for (let k = 0; k <= votes; k++) {
        const card = cards[(i * 7 + k * 13) % cards.length] as string;
        const res = await timed(voteLatency, token, 'PUT', `${w}/votes/${card}`, { dots: (mine.get(card) ?? 0) + 1 });
        if (res.status === 200) mine.set(card, (mine.get(card) ?? 0) + 1);
        else if (res.status === 409) refused++;
      }
    }));
    const elapsed = performance.now() - started;
    const final = (await call(owner, 'GET', `${w}/state`)).body;
    await new Promise((r) => setTimeout(r, 300));

    // Notice delivery: for each command, when each participant's stream first carried its revision (or a later one).
    const notices: number[] = [];
    for (const p of people) {
      for (const [revision, t0] of sentAt) {
        const told = p.noticesAt.find((n) => n.revision >= revision);
        if (told) notices.push(told.at - t0);
      }
    }
    const round = (f: ReturnType<typeof figures>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Math.round(v * 10) / 10]));
    const result = {
      participants,
      cpus: cpus().length,
      loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round((loadavg()[0] as number) * 100) / 100 },
      ideasPosted: (final.cards as unknown[]).length,
      dotsPlaced: final.voting.dots as number,
      expectedDots: participants * votes,
      refusedBeyondLimit: refused,
      seconds: Math.round(elapsed) / 1000,
      postIdeaMs: round(figures(posts)),
      voteMs: round(figures(voteLatency)),
      noticeDeliveryMs: round(figures(notices)),
      noticesExpected: sentAt.size * participants,
      stateFetchMs: refetch ? round(figures(fetches)) : null,
    };
    console.log('\n| measure | count | p50 ms | p95 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- | --- |');
    for (const [name, f] of [['post idea', result.postIdeaMs], ['vote', result.voteMs], ['notice delivery', result.noticeDeliveryMs], ['state fetch', result.stateFetchMs]] as const) {
      if (f) console.log(`| ${name} | ${f.count} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.max} |`);
    }
    console.log(JSON.stringify(result, null, 2));
    if (result.dotsPlaced !== result.expectedDots || result.refusedBeyondLimit !== participants) process.exitCode = 1;
  } finally {
    clearTimeout(deadline);
    for (const p of people) p.stop.abort();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (args.has('serve')) void serve(JSON.parse(args.get('serve') as string) as Record<string, string>);
else void bench();
