import { describe, expect, it } from 'vitest';
import { maskFacts, maskPhone, maskText } from '../../src/report/mask.js';

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    [' 13812341234 ', '138****1234'],
    ['0571-88881234', '057****1234'],
    ['12345', '****'],
    ['', '****'],
  ])('%s → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe('maskText', () => {
  it('masks every mainland mobile number in free text', () => {
    expect(maskText('电话13812341234,备用15900002222')).toBe('电话138****1234,备用159****2222');
  });

  it('leaves longer digit runs alone (ids, amounts) and 11-digit numbers not starting 13-19', () => {
    expect(maskText('SL-2026-10-0042 编号 138123412345 金额 10012341234')).toBe('SL-2026-10-0042 编号 138123412345 金额 10012341234');
  });

  it('masks a known value verbatim even when it is not a mobile number', () => {
    expect(maskText('座机 0571-88881234', ['0571-88881234'])).toBe('座机 057****1234');
  });
});

describe('maskFacts', () => {
  it('masks phone and contact facts only', () => {
    expect(maskFacts({ phone: '13812341234', contact: '13900001111', complaint_phone: '12345', case_id: '13812341234', fee: 3, missing: null })).toEqual({
      phone: '138****1234',
      contact: '139****1111',
      complaint_phone: '12345',
      case_id: '13812341234',
      fee: 3,
      missing: null,
    });
  });
});
