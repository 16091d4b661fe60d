import { describe, expect, it } from 'vitest';
import type { Role, Stance } from '../../../shared/src/index';
import { checkRule } from './ruleCheck';

const p = (stance: Stance, authorRole: Role = 'clinician') => ({ stance, authorRole });

describe('checkRule', () => {
  it('words an adoption by consent with its reservations', () => {
    const check = checkRule('consent', 'adopted', [p('agree'), p('reservations'), p('reservations')]);
    expect(check).toMatchObject({ met: true, code: 'no-block', consistent: true, text: 'adopted by consent, no block; two reservations' });
    expect(check.counts).toEqual({ agree: 1, reservations: 2, abstain: 0, disagree: 0, block: 0 });
  });

  it('says when a consent decision is blocked, and flags an adoption against the rule', () => {
    expect(checkRule('consent', 'open', [p('block'), p('disagree')]).text).toBe('open; consent: one block so far; one disagreement');
    const forced = checkRule('consent', 'adopted', [p('block')]);
    expect(forced).toMatchObject({ met: false, code: 'blocked', consistent: false });
    expect(forced.text).toBe('adopted by consent although its rule was not met: one block');
  });

  it('needs nobody against for consensus, and someone in favour', () => {
    expect(checkRule('consensus', 'adopted', [p('agree'), p('abstain')])).toMatchObject({ met: true, text: 'adopted by consensus, no disagreement or block; one abstention' });
    expect(checkRule('consensus', 'rejected', [p('agree'), p('disagree')])).toMatchObject({ met: false, consistent: true, text: 'rejected; consensus: one disagreement' });
    expect(checkRule('consensus', 'open', [p('abstain')])).toMatchObject({ met: false, code: 'no-consensus' });
  });

  it('counts reservations in favour for a majority, abstentions aside', () => {
    expect(checkRule('majority', 'adopted', [p('agree'), p('reservations'), p('disagree'), p('abstain')]).text).toBe(
      'adopted by majority, two in favour, one against; one reservation, one abstention',
    );
    expect(checkRule('majority', 'open', [p('agree'), p('disagree')])).toMatchObject({ met: false, code: 'no-majority' });
  });

  it('follows the person receiving care when the person decides', () => {
    expect(checkRule('person-decides', 'adopted', [p('disagree'), p('agree', 'person')])).toMatchObject({ met: true, code: 'person-agrees' });
    expect(checkRule('person-decides', 'open', [p('agree')])).toMatchObject({ met: false, code: 'person-no-position' });
    expect(checkRule('person-decides', 'deferred', [p('abstain', 'person')])).toMatchObject({ code: 'person-abstains', consistent: null });
  });

  it('meets no rule without positions', () => {
    expect(checkRule('consent', 'open', [])).toMatchObject({ met: false, code: 'no-positions', text: 'open; consent: no positions yet' });
  });
});
