import { describe, expect, it } from 'vitest';
import { topUnitsByWarning } from './board';

const u = (unitName: string, red: number, orange: number, yellow: number, none: number) => ({ unitId: unitName, unitName, red, orange, yellow, none });

describe('supervision board ordering', () => {
  it('puts the reddest units first, then orange, yellow and size, and keeps the top N', () => {
    const units = [u('A', 0, 5, 0, 50), u('B', 2, 0, 0, 1), u('C', 2, 1, 0, 0), u('D', 0, 5, 0, 60), u('E', 0, 0, 0, 100)];
    expect(topUnitsByWarning(units, 4).map((x) => x.unitName)).toEqual(['C', 'B', 'D', 'A']);
    expect(units.map((x) => x.unitName)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});
