/**
 * The printable decision log of a document, in Markdown or CSV, with the chain's verification
 * status, so a printed or archived copy says whether the history it shows was intact. English
 * only for now (the interface translates the JSON; exports follow the issue's wording).
 */
import type { DecisionEntry, DecisionExport, DecisionExportFormat, DecisionLog, DecisionSummary, PersonRef, Stance } from '../../../shared/src/index';
import type { DocumentRecord } from '../storage/store';

const STANCE_LABELS: Record<Stance, string> = {
  agree: 'agree',
  reservations: 'agree with reservations',
  abstain: 'abstain',
  disagree: 'disagree',
  block: 'block (major objection)',
};

export function exportDecisionLog(document: DocumentRecord, log: DecisionLog, format: DecisionExportFormat, now: number): DecisionExport {
  const date = new Date(now).toISOString().slice(0, 10);
  const base = `decisions-${slug(document.title) || 'document'}-${date}`;
  return format === 'csv'
    ? { format, filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(log), verification: log.verification }
    : { format, filename: `${base}.md`, contentType: 'text/markdown; charset=utf-8', content: toMarkdown(document, log, now), verification: log.verification };
}

function verificationLine(log: DecisionLog): string {
  const v = log.verification;
  if (v.ok) return `Chain verification: **intact**, ${v.entries} entries${v.head ? `, last hash \`${v.head}\`` : ''}.`;
  const at = v.brokenAt;
  return `Chain verification: **BROKEN** at entry ${at?.seq} (${at?.reason}): the stored history was changed after it was written. Entries from there on cannot be trusted.`;
}

function toMarkdown(document: DocumentRecord, log: DecisionLog, now: number): string {
  const lines = [`# Decision log: ${inline(document.title)}`, '', `Exported ${new Date(now).toISOString()}. ${verificationLine(log)}`, ''];
  log.decisions.forEach((d, i) => lines.push(...decisionSection(d, i + 1, log.entries)));
  lines.push('## Entries, oldest first', '', '| # | Time | Decision | Kind | Author | Detail | Hash |', '| --- | --- | --- | --- | --- | --- | --- |');
  const titles = new Map(log.decisions.map((d) => [d.id, d.title]));
  for (const e of log.entries) {
    lines.push(`| ${e.seq} | ${e.createdAt} | ${cell(titles.get(e.decisionId) ?? e.decisionId)} | ${e.kind} | ${cell(who(e.author))} | ${cell(detail(e))} | \`${e.hash.slice(0, 16)}\` |`);
  }
  return lines.join('\n') + '\n';
}

function decisionSection(d: DecisionSummary, n: number, entries: DecisionEntry[]): string[] {
  const lines = [`## ${n}. ${inline(d.title)} (${d.status})`, ''];
  lines.push(`- Method: ${d.method}. Level of engagement: ${d.engagement ?? 'not stated'}.`);
  lines.push(`- Proposed by ${inline(who(d.proposedBy))} on ${d.proposedAt}.`);
  lines.push(`- Participants: ${d.participants.length ? d.participants.map((p) => inline(who(p))).join('; ') : 'not listed'}.`);
  if (d.anchor?.quote) lines.push(`- About the passage: “${inline(d.anchor.quote)}”.`);
  lines.push('', '**Proposal**', '', quote(d.proposal), '');
  if (d.informationShared) {
    lines.push('**Information shared**', '');
    if (d.informationShared.summary) lines.push(quote(d.informationShared.summary), '');
    for (const o of d.informationShared.options) lines.push(`- ${inline(o.title)}. Benefits: ${inline(o.benefits) || 'none stated'}. Risks: ${inline(o.risks) || 'none stated'}.`);
    lines.push('');
  }
  lines.push(`**Positions** (${d.ruleCheck.text})`, '');
  if (d.positions.latest.length) lines.push('| Person | Perspective | Position | Reason |', '| --- | --- | --- | --- |');
  for (const p of d.positions.latest) {
    const changed = p.earlierPositions ? ` (changed ${p.earlierPositions}×)` : '';
    lines.push(`| ${cell(p.person.displayName)} | ${p.person.perspective ?? ''} | ${STANCE_LABELS[p.stance]}${changed} | ${cell(p.reason ?? '')} |`);
  }
  if (d.positions.awaiting.length) lines.push('', `Not yet heard: ${d.positions.awaiting.map((p) => inline(p.displayName)).join('; ')}.`);
  lines.push('');
  if (d.outcome) {
    const o = d.outcome;
    lines.push(`**Outcome**: ${o.status}, recorded by ${inline(who(o.recordedBy))} on ${o.recordedAt}.`, '', quote(o.outcome), '');
    if (o.minorityView) lines.push('Minority view:', '', quote(o.minorityView), '');
    if (o.reviewDate) lines.push(`Review date: ${o.reviewDate}.`, '');
  }
  const seqOf = new Map(entries.map((e) => [e.id, e.seq]));
  const corrections = entries.filter((e): e is Extract<DecisionEntry, { kind: 'correction' }> => e.kind === 'correction' && e.decisionId === d.id);
  if (corrections.length) {
    lines.push('**Corrections** (the corrected entries stay as they were written)', '');
    for (const c of corrections) lines.push(`- Entry ${seqOf.get(c.payload.corrects) ?? c.payload.corrects}, corrected by ${inline(who(c.author))} on ${c.createdAt}: ${inline(c.payload.text)}`);
    lines.push('');
  }
  return lines;
}

function detail(e: DecisionEntry): string {
  switch (e.kind) {
    case 'created':
      return `proposed (${e.payload.method})`;
    case 'position':
      return STANCE_LABELS[e.payload.stance] + (e.payload.reason ? `: ${e.payload.reason}` : '');
    case 'outcome':
      return `${e.payload.ruleCheck.text}: ${e.payload.outcome}`;
    case 'correction':
      return `corrects ${e.payload.corrects}: ${e.payload.text}`;
    case 'unreadable':
      return 'unreadable (stored data was altered)';
  }
}

const CSV_COLUMNS = ['seq', 'created_at', 'decision_id', 'decision_title', 'kind', 'entry_id', 'author_id', 'author_name', 'author_role', 'author_perspective', 'stance', 'reason', 'status', 'text', 'corrects', 'prev_hash', 'hash'];

function toCsv(log: DecisionLog): string {
  const titles = new Map(log.decisions.map((d) => [d.id, d.title]));
  const rows = log.entries.map((e) => {
    const fields: Record<string, string | number> = {
      seq: e.seq,
      created_at: e.createdAt,
      decision_id: e.decisionId,
      decision_title: titles.get(e.decisionId) ?? '',
      kind: e.kind,
      entry_id: e.id,
      author_id: e.author.userId,
      author_name: e.author.displayName,
      author_role: e.author.role ?? '',
      author_perspective: e.author.perspective ?? '',
      stance: e.kind === 'position' ? e.payload.stance : '',
      reason: e.kind === 'position' ? (e.payload.reason ?? '') : '',
      status: e.kind === 'outcome' ? e.payload.status : '',
      text: e.kind === 'created' ? e.payload.proposal : e.kind === 'outcome' ? e.payload.outcome : e.kind === 'correction' ? e.payload.text : '',
      corrects: e.kind === 'correction' ? e.payload.corrects : '',
      prev_hash: e.prevHash,
      hash: e.hash,
    };
    return CSV_COLUMNS.map((c) => csvField(fields[c] ?? '')).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** RFC 4180 quoting; a leading =, +, -, @ is defused so spreadsheets do not run it as a formula. */
function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const who = (p: PersonRef) => `${p.displayName}${p.role ? ` (${p.role}, ${p.perspective})` : ''}`;
/** User text is data, not markup: no raw HTML, no line breaks inside one-line contexts. */
const inline = (text: string) => text.replace(/</g, '&lt;').replace(/\s*\n\s*/g, ' ');
const cell = (text: string) => inline(text).replace(/\|/g, '\\|');
const quote = (text: string) => text.replace(/</g, '&lt;').split('\n').map((l) => `> ${l}`).join('\n');
const slug = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
