import { describe, expect, it } from 'vitest';
import { entityChips } from './assist';

describe('assistant entities', () => {
  it('lists recognised phones, masked ids, places, businesses and dates in that order, skipping empty ones', () => {
    expect(
      entityChips({
        entities: {
          dates: [{ text: '昨天晚上' }],
          phones: [{ value: '13800001111' }, {}],
          idNumbers: [{ masked: '3203**********1234' }],
          addresses: [{ text: '丰财街道某小区' }],
          businesses: [{ text: '某某超市' }],
        },
      }),
    ).toEqual([
      { kind: 'phone', text: '13800001111' },
      { kind: 'id', text: '3203**********1234' },
      { kind: 'address', text: '丰财街道某小区' },
      { kind: 'business', text: '某某超市' },
      { kind: 'date', text: '昨天晚上' },
    ]);
  });

  it('copes with an answer without entities', () => {
    expect(entityChips({})).toEqual([]);
  });
});
