/**
 * Whether a decision method's rule is met by the latest positions, as structured data and as
 * an English sentence for exports ("adopted by consent, no block; two reservations").
 *
 * - consent: adopted when nobody blocks (a major objection stops it).
 * - consensus: adopted when nobody disagrees or blocks and someone is in favour.
 * - majority: adopted when more are in favour (agree, with or without reservations) than against.
 * - person-decides: the person receiving care (members whose role was `person` when they took
 *   their position) decides; the others' positions are advice and stay on the record.
 * With no position at all, no rule is met.
 */
import type { DecisionMethod, DecisionStatus, Role, RuleCheck, RuleCheckCode, Stance, StanceCounts } from '../../../shared/src/index';

export interface RulePosition {
  stance: Stance;
  /** The author's role when they took the position. */
  authorRole: Role;
}

export function countStances(positions: RulePosition[]): StanceCounts {
  const counts: StanceCounts = { agree: 0, reservations: 0, abstain: 0, disagree: 0, block: 0 };
  for (const p of positions) counts[p.stance]++;
  return counts;
}

export function checkRule(method: DecisionMethod, status: DecisionStatus, positions: RulePosition[]): RuleCheck {
  const counts = countStances(positions);
  const { met, code, phrase, covered } = evaluate(method, counts, positions);
  const consistent = status === 'adopted' ? met : status === 'rejected' ? !met : null;
  const extras = (['reservations', 'disagree', 'abstain'] as const)
    .filter((stance) => !covered.includes(stance) && counts[stance] > 0)
    .map((stance) => amount(counts[stance], NOUNS[stance]));
  const name = METHOD_NAMES[method];
  const lead =
    status === 'open'
      ? `open; ${name}: ${phrase}${code === 'no-positions' || code === 'person-no-position' ? '' : ' so far'}`
      : status === 'adopted'
        ? met
          ? `adopted by ${name}, ${phrase}`
          : `adopted by ${name} although its rule was not met: ${phrase}`
        : `${status}; ${name}: ${phrase}`;
  return { method, status, met, code, counts, consistent, text: extras.length ? `${lead}; ${extras.join(', ')}` : lead };
}

interface Evaluation {
  met: boolean;
  code: RuleCheckCode;
  phrase: string;
  /** Stances the phrase already mentions, left out of the trailing counts. */
  covered: Stance[];
}

function evaluate(method: DecisionMethod, counts: StanceCounts, positions: RulePosition[]): Evaluation {
  const total = counts.agree + counts.reservations + counts.abstain + counts.disagree + counts.block;
  if (method === 'person-decides') return personDecides(positions);
  if (total === 0) return { met: false, code: 'no-positions', phrase: 'no positions yet', covered: [] };
  const inFavour = counts.agree + counts.reservations;
  switch (method) {
    case 'consent':
      return counts.block === 0
        ? { met: true, code: 'no-block', phrase: 'no block', covered: ['block'] }
        : { met: false, code: 'blocked', phrase: amount(counts.block, NOUNS.block), covered: ['block'] };
    case 'consensus': {
      const objections: string[] = [];
      if (counts.disagree > 0) objections.push(amount(counts.disagree, NOUNS.disagree));
      if (counts.block > 0) objections.push(amount(counts.block, NOUNS.block));
      if (objections.length > 0) return { met: false, code: 'no-consensus', phrase: objections.join(' and '), covered: ['disagree', 'block'] };
      return inFavour > 0
        ? { met: true, code: 'consensus', phrase: 'no disagreement or block', covered: ['disagree', 'block'] }
        : { met: false, code: 'no-consensus', phrase: 'nobody in favour', covered: ['disagree', 'block'] };
    }
    case 'majority': {
      // Blocks do not exist under majority; if one were stored anyway it counts against.
      const against = counts.disagree + counts.block;
      return {
        met: inFavour > against,
        code: inFavour > against ? 'majority-for' : 'no-majority',
        phrase: `${headcount(inFavour)} in favour, ${headcount(against)} against`,
        covered: ['disagree', 'block'],
      };
    }
  }
}

function personDecides(positions: RulePosition[]): Evaluation {
  const stances = positions.filter((p) => p.authorRole === 'person').map((p) => p.stance);
  if (stances.length === 0) return { met: false, code: 'person-no-position', phrase: 'the person receiving care has not given a position', covered: [] };
  if (stances.some((s) => s === 'disagree' || s === 'block')) return { met: false, code: 'person-disagrees', phrase: 'the person receiving care disagrees', covered: [] };
  if (stances.every((s) => s === 'agree' || s === 'reservations')) return { met: true, code: 'person-agrees', phrase: 'the person receiving care agrees', covered: [] };
  return { met: false, code: 'person-abstains', phrase: 'the person receiving care abstains', covered: [] };
}

const METHOD_NAMES: Record<DecisionMethod, string> = {
  consent: 'consent',
  consensus: 'consensus',
  majority: 'majority',
  'person-decides': 'the person’s own decision',
};

const NOUNS: Record<Stance, [string, string]> = {
  agree: ['agreement', 'agreements'],
  reservations: ['reservation', 'reservations'],
  abstain: ['abstention', 'abstentions'],
  disagree: ['disagreement', 'disagreements'],
  block: ['block', 'blocks'],
};

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const numberWord = (n: number) => WORDS[n] ?? String(n);
const headcount = (n: number) => (n === 0 ? 'nobody' : numberWord(n));
const amount = (n: number, [one, many]: [string, string]) => `${numberWord(n)} ${n === 1 ? one : many}`;
