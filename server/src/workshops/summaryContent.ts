/**
 * The content of a workshop's record: the `workshop-record` template (templates/workshopRecord.ts)
 * with its empty lists filled from what the workshop produced. Only revealed ideas appear, and
 * never their authors: the record is read by every member of the workspace, long after the
 * room where authorship may have been shown.
 */
import type { Language, PerspectiveCounts } from '../../../shared/src/index';
import type { DocNode } from '../content/tree';
import { text } from '../content/tree';
import { bullets, h3, numbered, p } from '../templates/blocks';
import { workshopRecord } from '../templates/workshopRecord';

export interface SummaryOutcome {
  steps: Array<{ title: string; minutes: number }>;
  /** People who took part (posted, voted or checked in), per knowledge perspective. */
  participants: PerspectiveCounts;
  themes: Array<{ name: string; ideas: string[] }>;
  ungrouped: string[];
  topIdeas: Array<{ text: string; total: number; byPerspective: PerspectiveCounts }>;
  decisions: string[];
  /** Whether the top ideas were proposed to the record's decision log. */
  proposed: boolean;
}

const NBSP = '\u00a0';

const WORDS = {
  en: {
    minutes: (n: number) => `${n} min`,
    experiential: 'experiential knowledge',
    professional: 'professional knowledge',
    facilitation: 'facilitation',
    people: (n: number) => (n === 1 ? '1 person' : `${n} people`),
    tookPart: (n: number) => (n === 1 ? '1 person took part.' : `${n} people took part.`),
    nobody: 'Nobody posted, voted or checked in.',
    themes: 'Themes',
    ungrouped: 'Ideas not grouped in a theme',
    top: 'Most voted ideas',
    votes: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
    noVotes: 'No idea received a vote.',
    noIdeas: 'No idea was shared with the group.',
    noDecisions: 'No decision was recorded during the workshop.',
    proposed: 'The most voted ideas are proposed for decision in the decision log of this document.',
    title: (t: string) => `Workshop record: ${t}`,
  },
  fr: {
    minutes: (n: number) => `${n}${NBSP}min`,
    experiential: 'savoirs expérientiels',
    professional: 'savoirs professionnels',
    facilitation: 'animation',
    people: (n: number) => (n <= 1 ? `${n}${NBSP}personne` : `${n}${NBSP}personnes`),
    tookPart: (n: number) => (n <= 1 ? `${n}${NBSP}personne a participé.` : `${n}${NBSP}personnes ont participé.`),
    nobody: 'Personne n’a publié d’idée, voté ni donné sa météo.',
    themes: 'Thèmes',
    ungrouped: 'Idées non regroupées',
    top: 'Idées les plus votées',
    votes: (n: number) => (n <= 1 ? `${n}${NBSP}vote` : `${n}${NBSP}votes`),
    noVotes: 'Aucune idée n’a reçu de vote.',
    noIdeas: 'Aucune idée n’a été partagée avec le groupe.',
    noDecisions: 'Aucune décision n’a été notée pendant l’atelier.',
    proposed: 'Les idées les plus votées sont proposées à la décision dans le journal des décisions de ce document.',
    title: (t: string) => `Compte rendu d’atelier${NBSP}: ${t}`,
  },
} as const;

export function summaryTitle(language: Language, workshopTitle: string): string {
  const title = WORDS[language].title(workshopTitle);
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

function perspectives(language: Language, counts: PerspectiveCounts, unit: (n: number) => string): string[] {
  const w = WORDS[language];
  return (['experiential', 'professional', 'facilitation'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${w[k]}${language === 'fr' ? `${NBSP}:` : ':'} ${unit(counts[k])}`);
}

function ideasSection(language: Language, o: SummaryOutcome): DocNode[] {
  const w = WORDS[language];
  const blocks: DocNode[] = [];
  if (o.themes.length > 0) {
    blocks.push(h3(w.themes), bullets(...o.themes.map((t) => [p(t.name), ...(t.ideas.length > 0 ? [bullets(...t.ideas)] : [])])));
  }
  if (o.ungrouped.length > 0) blocks.push(h3(w.ungrouped), bullets(...o.ungrouped));
  if (o.themes.length === 0 && o.ungrouped.length === 0) blocks.push(p(w.noIdeas));
  blocks.push(h3(w.top));
  if (o.topIdeas.length === 0) blocks.push(p(w.noVotes));
  else {
    blocks.push(
      numbered(
        ...o.topIdeas.map((idea) => {
          const detail = perspectives(language, idea.byPerspective, (n) => String(n)).join(', ');
          const paragraph = p();
          paragraph.content = [text(idea.text), text(` — ${w.votes(idea.total)}${detail ? ` (${detail})` : ''}`, 'italic')];
          return paragraph;
        }),
      ),
    );
  }
  return blocks;
}

/** The record's blocks: each section of the template keeps its heading and prompt, its list filled in. */
export function summaryBlocks(language: Language, o: SummaryOutcome): DocNode[] {
  const w = WORDS[language];
  const total = o.participants.experiential + o.participants.professional + o.participants.facilitation;
  const fills: Array<DocNode[] | null> = [
    [numbered(...o.steps.map((s) => `${s.title} (${w.minutes(s.minutes)})`))],
    total === 0 ? [p(w.nobody)] : [p(w.tookPart(total)), bullets(...perspectives(language, o.participants, w.people).map((line) => line.charAt(0).toUpperCase() + line.slice(1)))],
    ideasSection(language, o),
    [o.decisions.length > 0 ? bullets(...o.decisions) : p(w.noDecisions), ...(o.proposed ? [p(w.proposed)] : [])],
    null, // next steps: left for the group to write
  ];
  const out: DocNode[] = [];
  let section = -1;
  for (const node of workshopRecord(language)) {
    if (node.kind === 'element' && node.type === 'heading') section++;
    const isList = node.kind === 'element' && (node.type === 'bulletList' || node.type === 'orderedList');
    const fill = fills[section];
    if (isList && fill) out.push(...fill);
    else out.push(node);
  }
  return out;
}
