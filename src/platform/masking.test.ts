import { describe, expect, it } from 'vitest';
import { maskPhone, maskSensitiveText } from './masking';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['051683001234', '051****1234'],
    ['12345', '***45'],
    ['110', '****'],
  ])('%s → %s', (input, expected) => expect(maskPhone(input)).toBe(expected));
  it('keeps empty values', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });
});

describe('maskSensitiveText', () => {
  it('masks ID numbers and mobiles inside text, leaves other numbers', () => {
    const text = '我身份证号320302199001011234，电话13912345678，住3栋201室';
    expect(maskSensitiveText(text)).toBe('我身份证号320302********1234，电话139****5678，住3栋201室');
  });
  it('masks an ID ending in X', () => {
    expect(maskSensitiveText('32030219900101123X')).toBe('320302********123X');
  });
});
