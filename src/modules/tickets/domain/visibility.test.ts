import { describe, expect, it } from 'vitest';
import { aTicketIn, anActor } from './fixtures';
import { canSee, seesMaskedPersonalData } from './visibility';

describe('visibility', () => {
  const t = aTicketIn('in_progress');
  it.each([
    ['dispatcher', anActor('d', ['dispatcher']), true],
    ['leader', anActor('l', ['leader']), true],
    ['lead unit handler', anActor('h', ['unit_handler'], 'u-lead'), true],
    ['co-unit handler', anActor('h', ['unit_handler'], 'u-co'), true],
    ['other unit handler', anActor('h', ['unit_handler'], 'u-other'), false],
    ['handler without unit', anActor('h', ['unit_handler']), false],
    ['owning citizen', anActor('citizen-owner', ['citizen']), true],
    ['other citizen', anActor('someone', ['citizen']), false],
  ])('%s → %s', (_name, actor, expected) => expect(canSee(t, actor)).toBe(expected));

  it('masks personal data for unit users only', () => {
    expect(seesMaskedPersonalData(anActor('h', ['unit_handler'], 'u'))).toBe(true);
    expect(seesMaskedPersonalData(anActor('a', ['agent']))).toBe(false);
    expect(seesMaskedPersonalData(anActor('c', ['citizen']))).toBe(false);
  });
});
