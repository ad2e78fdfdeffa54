/** Which document numbers look like `N-XX/YYY` (số, ký hiệu of Party documents). */
import { expect, it } from 'vitest';
import { DOCUMENT_NUMBER } from '../../src/validate/rules/number-format.js';

it('accepts the usual Party document numbers, including CTr and TTr', () => {
  for (const n of ['05-CTr/BTGTU-BDVTU', '39-KH/BDVTU-HNB', '01-KL/TW', '320-BC/ĐUK', '12-TTr/BDVTU', '07-CTrPH/BDVTU-MTTQ', '10a-KH/TU', '09-KH/ĐĐBQH-BDVTU']) {
    expect(DOCUMENT_NUMBER.test(n), n).toBe(true);
  }
});

it('warns about what does not have that shape', () => {
  for (const n of ['so 5', 'Số 05/CTr-BDVTU', '123/QĐ-UBND', '05-CTr/BTGTU BDVTU', '05-ctr/BTGTU', '05-CTr', 'CTr/BTGTU', '05-CTr/btgtu']) {
    expect(DOCUMENT_NUMBER.test(n), n).toBe(false);
  }
});
