import { describe, it, expect } from 'vitest';
import { KY_LETTERS, kyrgyzToNational, kyrgyzToPassport } from './kyrgyz';
import { checkEveryLetter } from './letter-check';

const letters = Array.from(KY_LETTERS);
const pad = { src: 'б', dst: 'b' };

describe('Kyrgyz', () => {
  it('has 36 letters', () => {
    expect(letters).toHaveLength(36);
  });
  it('national: every letter', () => {
    checkEveryLetter(
      kyrgyzToNational,
      letters,
      'a b v g d e yo j z i y k l m n ng o ö p r s t u ü f kh ts ch sh shch _ y _ e yu ya',
      pad,
    );
    expect(kyrgyzToNational('Эрмек Өмүрбеков')).toBe('Ermek Ömürbekov');
  });
  it('passport: every letter', () => {
    checkEveryLetter(
      kyrgyzToPassport,
      letters,
      'a b v g d e e zh z i i k l m n n o o p r s t u u f kh ts ch sh shch ie y _ e iu ia',
      pad,
    );
    expect(kyrgyzToPassport('Жээнбеков Айгүл')).toBe('Zheenbekov Aigul');
  });
});
