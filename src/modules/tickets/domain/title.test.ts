import { describe, expect, it } from 'vitest';
import { titleFromContent } from './title';

describe('titleFromContent: a title for a request registered without one', () => {
  it('takes the first sentence when it fits', () => {
    expect(titleFromContent('幸福小区3号楼停水两天了。物业说是管道坏了，一直没人修。')).toBe('幸福小区3号楼停水两天了');
    expect(titleFromContent('路灯不亮！')).toBe('路灯不亮');
    expect(titleFromContent('咨询居住证办理需要哪些材料')).toBe('咨询居住证办理需要哪些材料');
  });

  it('cuts a long first sentence at its last clause break inside the limit', () => {
    const content = '鼓楼区黄楼街道幸福花园小区门口的烧烤摊每天晚上营业到凌晨两点，油烟和噪音严重影响居民休息，多次投诉无果';
    expect(titleFromContent(content)).toBe('鼓楼区黄楼街道幸福花园小区门口的烧烤摊每天晚上营业到凌晨两点');
  });

  it('marks a hard cut with an ellipsis when no break is near', () => {
    const content = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五';
    const title = titleFromContent(content);
    expect(Array.from(title)).toHaveLength(30);
    expect(title.endsWith('…')).toBe(true);
  });

  it('never splits a character outside the basic plane and folds white space', () => {
    const content = '𠮷'.repeat(40);
    expect(Array.from(titleFromContent(content)).every((c) => c === '𠮷' || c === '…')).toBe(true);
    expect(titleFromContent('  路面   塌陷\t有危险  ')).toBe('路面 塌陷 有危险');
  });

  it('skips leading punctuation-only sentences', () => {
    expect(titleFromContent('。。井盖丢了')).toBe('井盖丢了');
  });
});
