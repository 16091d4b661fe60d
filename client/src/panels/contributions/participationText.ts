/** The participation record in words (shared by the printable page and the Markdown file). */
import type { Translate } from '../../i18n/I18nProvider';
import { perspectiveKey, roleKey } from '../../i18n/labels';
import { formatDate } from '../decisions/decisionLabels';
import { plural } from '../plural';
import type { DocumentParticipation, ParticipationRecord } from './participation';

/** "wrote 1,204 characters; took 3 positions on decisions; …", only the kinds that happened. */
export function contributionKinds(row: DocumentParticipation, t: Translate, language: string): string[] {
  const n = (value: number) => new Intl.NumberFormat(language).format(value);
  const p = (base: Parameters<typeof plural>[2], count: number, vars = {}) => plural(t, language, base, count, vars);
  const kinds: string[] = [];
  if (row.charactersWritten > 0) kinds.push(p('attest.kind.written', row.charactersWritten, { current: n(row.charactersInCurrentText) }));
  if (row.charactersRemoved > 0) kinds.push(p('attest.kind.removed', row.charactersRemoved));
  if (row.decisionsProposed > 0) kinds.push(p('attest.kind.proposed', row.decisionsProposed));
  if (row.positionsTaken > 0) kinds.push(p('attest.kind.positions', row.positionsTaken));
  if (row.outcomesRecorded > 0) kinds.push(p('attest.kind.outcomes', row.outcomesRecorded));
  if (row.comments) kinds.push(p('attest.kind.comments', row.comments));
  return kinds;
}

export function recordIntro(record: ParticipationRecord, t: Translate, language: string): string {
  const role = record.person.role ? t(roleKey(record.person.role)) : t('role.unknown');
  const perspective = record.person.perspective ? t(perspectiveKey(record.person.perspective)) : '';
  const base = t('attest.intro', { name: record.person.displayName, workspace: record.workspace.name, role: role.toLocaleLowerCase(language), perspective: perspective.toLocaleLowerCase(language) });
  if (!record.period) return `${base} ${t('attest.noActivity')}`;
  const { from, to } = record.period;
  if (from === to) return `${base} ${t('attest.periodOneDay', { date: formatDate(from, language) })}`;
  return `${base} ${t('attest.period', { from: formatDate(from, language), to: formatDate(to, language) })}`;
}

export function recordsMarkdown(records: ParticipationRecord[], t: Translate, language: string): string {
  const lines: string[] = [];
  for (const record of records) {
    lines.push(`# ${t('attest.heading', { name: record.person.displayName })}`, '', recordIntro(record, t, language), '');
    for (const row of record.documents) {
      lines.push(`## ${row.title}`, '');
      if (row.sessionDays.length > 0) lines.push(`- ${t('attest.sessions', { days: row.sessionDays.map((d) => formatDate(d, language)).join(', ') })}`);
      for (const kind of contributionKinds(row, t, language)) lines.push(`- ${kind}`);
      lines.push('');
    }
    lines.push(`_${t('attest.footer', { date: formatDate(record.generatedAt, language) })}_`, '');
  }
  return lines.join('\n');
}

/** Saves text as a file through a temporary link (no server round trip). */
export function download(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
