import { describe, expect, it } from 'vitest';
import {
  extractAddresses,
  extractBusinesses,
  extractDates,
  extractIdNumbers,
  extractPhones,
  idNumberChecksumValid,
  maskIdNumber,
  parseSmallNumber,
} from './entities';

// 2025-10-08 10:00 in Asia/Shanghai.
const NOW = new Date('2025-10-08T02:00:00Z');

describe('phone numbers', () => {
  it.each([
    ['我的电话是13912345678', [{ value: '13912345678', kind: 'mobile' }]],
    ['手机139 1234 5678，谢谢', [{ value: '13912345678', kind: 'mobile' }]],
    ['+86-13912345678', [{ value: '13912345678', kind: 'mobile' }]],
    ['座机0516-83881234', [{ value: '0516-83881234', kind: 'landline' }]],
    ['打01087654321找他', [{ value: '010-87654321', kind: 'landline' }]],
    ['请拨打12345或者110', [{ value: '12345', kind: 'service' }, { value: '110', kind: 'service' }]],
    ['客服400-123-4567', [{ value: '400-123-4567', kind: 'service' }]],
    ['编号12345678901234不是电话', []],
    ['我住3号楼1203室', []],
  ])('%s', (text, expected) => {
    expect(extractPhones(text).map(({ value, kind }) => ({ value, kind }))).toEqual(expected);
  });

  it('does not read a phone number inside an ID number', () => {
    expect(extractPhones('身份证11010519491231002X')).toEqual([]);
  });
});

describe('ID numbers', () => {
  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('320302199001011234')).toBe('3203**********1234');
  });
  it.each([
    ['11010519491231002X', true],
    ['110105194912310021', false],
    ['12345', false],
  ])('checksum of %s is %s', (id, valid) => {
    expect(idNumberChecksumValid(id)).toBe(valid);
  });
  it('finds ID numbers, never returning them in full', () => {
    const found = extractIdNumbers('身份证号：11010519491231002x，电话13800000000');
    expect(found).toEqual([{ masked: '1101**********002X', valid: true, start: 5 }]);
    expect(JSON.stringify(found)).not.toContain('19491231');
  });
});

describe('addresses', () => {
  it.each([
    ['家住徐州市鼓楼区黄河南路88号3单元402室。', ['徐州市鼓楼区黄河南路88号3单元402室']],
    ['在云龙区和平路上的超市买东西', ['云龙区和平路']],
    ['我住在铜山区三堡街道刘庄村五组，停水了', ['铜山区三堡街道刘庄村五组']],
    ['地址是幸福花园12号楼', ['幸福花园12号楼']],
    ['昨天晚上太吵了', []],
  ])('%s', (text, expected) => {
    expect(extractAddresses(text).map((a) => a.text)).toEqual(expected);
  });
  it('reports where the address starts', () => {
    const [address] = extractAddresses('您好，家住幸福花园3号楼');
    expect(address?.start).toBe(5);
  });
});

describe('business names', () => {
  it.each([
    ['楼下的老王烧烤店油烟很大', ['老王烧烤店']],
    ['在佳佳乐超市买到过期牛奶', ['佳佳乐超市']],
    ['反映徐州某某教育科技有限公司拖欠工资', ['徐州某某教育科技有限公司']],
    ['小区门口的鑫鑫饭店晚上很吵', ['鑫鑫饭店']],
    ['这家店不给退卡', []],
    ['物业公司不作为', []],
  ])('%s', (text, expected) => {
    expect(extractBusinesses(text).map((b) => b.text)).toEqual(expected);
  });
});

describe('dates and times', () => {
  it.each([
    ['2025年10月1日停水', '2025-10-01', null],
    ['10月1日购买的', '2025-10-01', null],
    ['十月三日下午三点停水', '2025-10-03', '15:00'],
    ['昨天晚上8点半很吵', '2025-10-07', '20:30'],
    ['今天上午9点', '2025-10-08', '09:00'],
    ['前天开始停电', '2025-10-06', null],
    ['2025-09-30至今', '2025-09-30', null],
    ['12月5日买的卡', '2024-12-05', null], // a month still ahead this year means last year
  ])('%s → %s %s', (text, date, time) => {
    const [found] = extractDates(text, NOW);
    expect(found?.date).toBe(date);
    expect(found?.time).toBe(time);
  });

  it('uses the Shanghai calendar day, not UTC', () => {
    // 2025-10-07 17:00 UTC is already 2025-10-08 01:00 in Shanghai.
    expect(extractDates('今天', new Date('2025-10-07T17:00:00Z'))[0]?.date).toBe('2025-10-08');
  });

  it('ignores impossible dates', () => {
    expect(extractDates('2月30日', NOW)).toEqual([]);
  });

  it.each([
    ['十', 10],
    ['十二', 12],
    ['二十三', 23],
    ['三', 3],
    ['31', 31],
    ['百', null],
  ])('parses the number %s', (text, value) => {
    expect(parseSmallNumber(text)).toBe(value);
  });
});
