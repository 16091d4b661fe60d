/** The bench's output: one table on stdout (rows = figures, columns = servers and ratios) and a JSON file. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SERVER_KINDS, type ServerKind } from './clients';
import { REPO_ROOT } from './servers';
import { ratio } from './stats';

export type ScenarioResults = Record<string, Partial<Record<ServerKind, unknown>>>;

export interface Row {
  figure: string;
  unit: string;
  values: Partial<Record<ServerKind, number | string | boolean | null>>;
  /** Whether a smaller value is better (for reading the ratio). */
  lowerIsBetter: boolean | null;
}

type Getter = (figures: Record<string, unknown>) => unknown;

const ROWS: Array<{ scenario: string; figure: string; unit: string; get: Getter; lowerIsBetter: boolean | null }> = [];
function row(scenario: string, figure: string, unit: string, get: Getter, lowerIsBetter: boolean | null = true): void {
  ROWS.push({ scenario, figure, unit, get, lowerIsBetter });
}
const pick = (...keys: string[]): Getter => (f) => keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), f);
const mb = (...keys: string[]): Getter => (f) => {
  const v = pick(...keys)(f);
  return typeof v === 'number' ? Math.round(v / 1024 / 102.4) / 10 : undefined;
};
const kb = (...keys: string[]): Getter => (f) => {
  const v = pick(...keys)(f);
  return typeof v === 'number' ? Math.round(v / 102.4) / 10 : undefined;
};

for (const [scenario, label] of [['fanout-1x50', '1×50'], ['fanout-20x10', '20×10']] as const) {
  for (const q of ['p50', 'p95', 'p99', 'max'] as const) row(scenario, `${label} fan-out ${q}`, 'ms', pick('fanout', q));
  row(scenario, `${label} delivery p99`, 'ms', pick('delivery', 'p99'));
  row(scenario, `${label} accepted`, 'upd/s', pick('acceptedPerSecond'), false);
  row(scenario, `${label} incomplete fan-outs`, 'upd', pick('incomplete'));
  row(scenario, `${label} server CPU`, 'cores', pick('serverCpu'));
  row(scenario, `${label} server peak RSS`, 'MB', mb('serverPeakRssBytes'));
  row(scenario, `${label} generator loop delay p99`, 'ms', (f) => (Array.isArray(f.workerLoopDelayP99) ? Math.max(...(f.workerLoopDelayP99 as number[])) : undefined), null);
  row(scenario, `${label} other load on machine`, 'cores', pick('backgroundCpu'), null);
}
row('ramp', 'ramp sustained (p99 ≤ threshold)', 'upd/s', pick('sustainedPerSecond'), false);
row('idle', 'idle memory per connection', 'KB', kb('bytesPerConnection'));
row('replay', 'automerge-paper replay', 'ms', pick('replayMs'));
row('replay', 'replay text == endContent', '', pick('textMatches'), null);
row('replay', 'stored size', 'KB', kb('storedBytes'));
row('replay', 'cold load: server time (raw socket)', 'ms', pick('coldServerMs'));
row('replay', 'warm join: server time (raw socket)', 'ms', pick('warmServerMs'));
row('replay', 'cold load: client first sync', 'ms', pick('coldFirstSyncMs'));
row('replay', 'cold load: client has full text', 'ms', pick('coldFullContentMs'));
row('replay', 'cold text == endContent', '', pick('coldTextMatches'), null);
row('replay', 'warm join: client has full text', 'ms', pick('warmFullContentMs'));
row('concurrent', 'friendsforever converge', 'ms', pick('convergeMs'));
row('concurrent', 'converged to endContent', '', (f) => f.converged === true && f.freshClientMatches === true, null);

export function buildRows(results: ScenarioResults): Row[] {
  const rows: Row[] = [];
  for (const spec of ROWS) {
    const byKind = results[spec.scenario];
    if (!byKind) continue;
    const values: Row['values'] = {};
    for (const kind of SERVER_KINDS) {
      const figures = byKind[kind];
      if (figures && typeof figures === 'object') values[kind] = (spec.get(figures as Record<string, unknown>) ?? null) as Row['values'][ServerKind];
    }
    rows.push({ figure: spec.figure, unit: spec.unit, values, lowerIsBetter: spec.lowerIsBetter });
  }
  return rows;
}

export function ratiosOf(rows: Row[]): Record<string, { vsYStock: number | null; vsHocuspocus: number | null }> {
  const out: Record<string, { vsYStock: number | null; vsHocuspocus: number | null }> = {};
  for (const r of rows) {
    if (r.lowerIsBetter === null) continue;
    const e = r.values.ensemble;
    const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
    out[r.figure] = { vsYStock: ratio(num(e), num(r.values.ystock)), vsHocuspocus: ratio(num(e), num(r.values.hocuspocus)) };
  }
  return out;
}

export function formatTable(rows: Row[]): string {
  const ratios = ratiosOf(rows);
  const header = ['figure', 'unit', 'ensemble', 'y-ws stock', 'hocuspocus', 'E/stock', 'E/hocus'];
  const lines = rows.map((r) => {
    const show = (v: unknown): string => (v === null || v === undefined ? '–' : String(v));
    const rr = ratios[r.figure];
    return [r.figure, r.unit, show(r.values.ensemble), show(r.values.ystock), show(r.values.hocuspocus), show(rr?.vsYStock), show(rr?.vsHocuspocus)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: string[]): string => '| ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ') + ' |';
  return [format(header), '|' + widths.map((w, i) => (i < 2 ? ':' : '') + '-'.repeat(w + (i < 2 ? 1 : 1)) + (i < 2 ? '' : ':')).join('|') + '|', ...lines.map(format)].join('\n');
}

export function versions(): Record<string, string> {
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  const version = (name: string, from?: string): string => {
    try {
      const req = from ? createRequire(require.resolve(`${from}/package.json`)) : require;
      return (req(`${name}/package.json`) as { version: string }).version;
    } catch {
      return 'not installed';
    }
  };
  const ensemble = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    ensemble,
    node: process.version,
    yjs: version('yjs'),
    'y-websocket (client)': version('y-websocket'),
    'y-protocols': version('y-protocols'),
    '@y/websocket-server': version('@y/websocket-server'),
    'ws (stock server)': version('ws', '@y/websocket-server'),
    'y-leveldb': version('y-leveldb', '@y/websocket-server'),
    '@hocuspocus/server': version('@hocuspocus/server'),
    '@hocuspocus/provider': version('@hocuspocus/provider'),
    '@hocuspocus/extension-sqlite': version('@hocuspocus/extension-sqlite'),
    'better-sqlite3': version('better-sqlite3'),
    'ws (Ensemble, clients)': version('ws'),
  };
}

export function writeJson(dir: string, payload: Record<string, unknown>, prefix = ''): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..*$/, '');
  const file = path.join(dir, `${prefix}${stamp}.json`);
  fs.writeFileSync(file, JSON.stringify(payload, null, 2) + '\n');
  return file;
}
