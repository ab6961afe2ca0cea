import { describe, expect, it } from 'vitest';
import {
  agentEdited,
  CATEGORY_PRESELECT_MIN_SCORE,
  chipFill,
  entityChips,
  isAutoFilled,
  NO_AUTO_FILL,
  planAutoFill,
  proposedFill,
  undoAutoFill,
  type AutoFillState,
} from './assist';
import type { AnalysisForAgent } from '../../shell/types';
import type { ExtractedEntities } from '../../../../src/modules/intake/domain/intake';

const ADDRESS = '鼓楼区黄楼街道幸福花园3栋';
const MOBILE = '13912345678';

/** The kind the server's extractor gives these fixtures' numbers. */
const phoneKind = (value: string) => (value.startsWith('1') && value.length === 11 ? 'mobile' : value.startsWith('0') ? 'landline' : 'service');

const NO_PLACE: AnalysisForAgent['division'] = {
  provinceCode: null, provinceName: null, cityCode: null, cityName: null, areaCode: null, areaName: null, streetCode: null, streetName: null, confidence: 0, evidence: [],
};

/** An answer of POST /assist/analyze with nothing found; a case adds what it needs. */
function answer(entities: Partial<ExtractedEntities> = {}, over: Partial<AnalysisForAgent> = {}): AnalysisForAgent {
  return {
    modelVersion: 1,
    categories: [],
    categoryLevels: { level1: [], level2: [], level3: [] },
    units: [],
    division: NO_PLACE,
    responsibleUnits: [],
    entities: { phones: [], idNumbers: [], addresses: [], businesses: [], dates: [], ...entities },
    similar: [],
    ...over,
  };
}

/** An analysis as the server answers it, with only what a case needs (offsets are the same dummy). */
function analysis(over: { addresses?: string[]; phones?: string[]; categories?: [string, number][]; street?: string } = {}): AnalysisForAgent {
  return answer(
    {
      addresses: (over.addresses ?? []).map((text) => ({ text, start: 0 })),
      phones: (over.phones ?? []).map((value) => ({ value, kind: phoneKind(value), start: 0 })),
    },
    {
      categories: (over.categories ?? []).map(([code, score]) => ({ code, name: code, level: 3, score, path: [] })),
      division: over.street ? { ...NO_PLACE, areaName: '鼓楼区', streetName: over.street, confidence: 0.9 } : NO_PLACE,
    },
  );
}

describe('what the analysis proposes', () => {
  it('given an address and a mobile in the text, when proposing, then the first of each', () => {
    expect(proposedFill(analysis({ addresses: [ADDRESS, '云龙区某路1号'], phones: ['0516-83001234', MOBILE, '13800001111'] }))).toEqual({ address: ADDRESS, phone: MOBILE });
  });

  it('given only a resolved street and no address in the text, when proposing, then no address is invented', () => {
    expect(proposedFill(analysis({ street: '黄楼街道' }))).toEqual({});
  });

  it('given only landline and service numbers, when proposing, then no caller phone', () => {
    expect(proposedFill(analysis({ phones: ['0516-83001234', '12345'] }))).toEqual({});
  });

  it('given a best category at the threshold, when proposing, then it is preselected with its score', () => {
    expect(proposedFill(analysis({ categories: [['120102', 0.1], ['120101', CATEGORY_PRESELECT_MIN_SCORE]] }))).toEqual({ categoryCode: '120101', categoryScore: CATEGORY_PRESELECT_MIN_SCORE });
  });

  it('given a best category below the threshold, when proposing, then no category (the suggestions stay one click away)', () => {
    expect(proposedFill(analysis({ categories: [['120101', CATEGORY_PRESELECT_MIN_SCORE - 0.01]] }))).toEqual({});
  });
});

describe('filling the order form', () => {
  it('given empty fields, when an analysis finds an address, a mobile and a sure category, then all three are filled and remembered', () => {
    const r = planAutoFill(analysis({ addresses: [ADDRESS], phones: [MOBILE], categories: [['120101', 0.93]] }), {}, NO_AUTO_FILL);
    expect(r.set).toEqual({ address: ADDRESS, phone: MOBILE, categoryCode: '120101' });
    expect(r.state).toEqual({ filled: { address: ADDRESS, phone: MOBILE, categoryCode: '120101' }, touched: [], categoryScore: 0.93 });
    expect(isAutoFilled(r.state, 'address', ADDRESS)).toBe(true);
  });

  it('given fields the agent typed, when an analysis proposes other values, then nothing is overwritten', () => {
    const values = { address: '泉山区某路2号', phone: '13800001111', categoryCode: '0901' };
    const r = planAutoFill(analysis({ addresses: [ADDRESS], phones: [MOBILE], categories: [['120101', 0.99]] }), values, NO_AUTO_FILL);
    expect(r.set).toEqual({});
    expect(r.state.filled).toEqual({});
  });

  it('given an auto-filled address, when a longer text gives a longer address, then the field follows', () => {
    const first = planAutoFill(analysis({ addresses: ['鼓楼区黄楼街道幸福花园'] }), {}, NO_AUTO_FILL);
    const second = planAutoFill(analysis({ addresses: [ADDRESS] }), { address: '鼓楼区黄楼街道幸福花园' }, first.state);
    expect(second.set).toEqual({ address: ADDRESS });
    expect(second.state.filled.address).toBe(ADDRESS);
  });

  it('given an auto-filled address and category, when the text no longer supports them, then they empty again', () => {
    const first = planAutoFill(analysis({ addresses: [ADDRESS], categories: [['120101', 0.9]] }), {}, NO_AUTO_FILL);
    const second = planAutoFill(analysis({ categories: [['120101', 0.5]] }), { address: ADDRESS, categoryCode: '120101' }, first.state);
    expect(second.set).toEqual({ address: '', categoryCode: '' });
    expect(second.state).toEqual({ filled: {}, touched: [] });
  });

  it('given the same analysis twice, when planning again, then nothing changes', () => {
    const r = analysis({ addresses: [ADDRESS], phones: [MOBILE] });
    const first = planAutoFill(r, {}, NO_AUTO_FILL);
    expect(planAutoFill(r, { address: ADDRESS, phone: MOBILE }, first.state)).toEqual({ set: {}, state: first.state });
  });

  it('given an auto-filled address the agent then edited, when a later analysis comes, then the edit stays', () => {
    const first = planAutoFill(analysis({ addresses: [ADDRESS] }), {}, NO_AUTO_FILL);
    const edited = agentEdited(first.state, ['address']);
    expect(isAutoFilled(edited, 'address', ADDRESS)).toBe(false);
    expect(planAutoFill(analysis({ addresses: ['云龙区某路1号'] }), { address: `${ADDRESS}2单元` }, edited).set).toEqual({});
  });

  it('given an auto-filled phone the agent cleared, when a later analysis comes, then it stays empty', () => {
    const first = planAutoFill(analysis({ phones: [MOBILE] }), {}, NO_AUTO_FILL);
    const cleared = agentEdited(first.state, ['phone']);
    expect(planAutoFill(analysis({ phones: [MOBILE] }), { phone: '' }, cleared).set).toEqual({});
  });

  it('given an auto-filled phone, when the agent undoes it, then the field empties and is not filled again', () => {
    const first = planAutoFill(analysis({ addresses: [ADDRESS], phones: [MOBILE] }), {}, NO_AUTO_FILL);
    const undone = undoAutoFill(first.state, 'phone');
    expect(undone.value).toBe('');
    expect(undone.state).toEqual({ filled: { address: ADDRESS }, touched: ['phone'] });
    expect(planAutoFill(analysis({ addresses: [ADDRESS], phones: [MOBILE] }), { address: ADDRESS, phone: '' }, undone.state).set).toEqual({});
  });

  it('given a preselected category, when the agent picks another, then the score mark goes and the choice stays', () => {
    const first = planAutoFill(analysis({ categories: [['120101', 0.95]] }), {}, NO_AUTO_FILL);
    const picked = agentEdited(first.state, ['categoryCode']);
    expect(picked).toEqual({ filled: {}, touched: ['categoryCode'] });
    expect(planAutoFill(analysis({ categories: [['120101', 0.99]] }), { categoryCode: '0901' }, picked).set).toEqual({});
  });

  it('given edits to fields the assistant never fills, when recording them, then the state is unchanged', () => {
    const state: AutoFillState = { filled: { address: ADDRESS }, touched: [] };
    expect(agentEdited(state, ['content', 'title', 'tags'])).toBe(state);
  });
});

describe('assistant entities', () => {
  it('lists recognised phones, masked ids, places, businesses and dates in that order, skipping empty ones', () => {
    expect(
      entityChips(
        answer({
          dates: [{ text: '昨天晚上', start: 0, date: '2026-11-22', time: null }],
          phones: [{ value: '13800001111', kind: 'mobile', start: 0 }, { value: '', kind: 'mobile', start: 0 }, { value: '12345', kind: 'service', start: 0 }, { value: '0516-83001234', kind: 'landline', start: 0 }],
          idNumbers: [{ masked: '3203**********1234', valid: true, start: 0 }],
          addresses: [{ text: '丰财街道某小区', start: 0 }],
          businesses: [{ text: '某某超市', start: 0 }],
        }),
      ),
    ).toEqual([
      { kind: 'phone', text: '13800001111', fills: 'phone' },
      { kind: 'phone', text: '12345' },
      { kind: 'phone', text: '0516-83001234', fills: 'phone' },
      { kind: 'id', text: '3203**********1234' },
      { kind: 'address', text: '丰财街道某小区', fills: 'address' },
      { kind: 'business', text: '某某超市', fills: 'tags' },
      { kind: 'date', text: '昨天晚上' },
    ]);
  });

  it('given an answer that found nothing, then no chips', () => {
    expect(entityChips(answer())).toEqual([]);
  });

  it('given an address or phone chip, when clicked, then it fills that field', () => {
    expect(chipFill({ kind: 'address', text: ADDRESS, fills: 'address' }, [])).toEqual({ field: 'address', value: ADDRESS });
    expect(chipFill({ kind: 'phone', text: MOBILE, fills: 'phone' }, [])).toEqual({ field: 'phone', value: MOBILE });
  });

  it('given a business chip, when clicked, then the name is added to the tags once', () => {
    const chip = { kind: 'business', text: '佳佳乐超市', fills: 'tags' } as const;
    expect(chipFill(chip, ['噪音'])).toEqual({ field: 'tags', value: ['噪音', '佳佳乐超市'] });
    expect(chipFill(chip, ['佳佳乐超市'])).toBeNull();
    expect(chipFill(chip, Array.from({ length: 20 }, (_, i) => `t${i}`))).toBeNull();
  });

  it('given a masked id, a date or a service number, when clicked, then nothing is filled', () => {
    for (const chip of entityChips(answer({ idNumbers: [{ masked: '3203**********1234', valid: false, start: 0 }], dates: [{ text: '昨天', start: 0, date: '2026-11-22', time: null }], phones: [{ value: '12345', kind: 'service', start: 0 }] })))
      expect(chipFill(chip, [])).toBeNull();
  });
});
