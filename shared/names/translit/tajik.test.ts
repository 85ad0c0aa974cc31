import { describe, it, expect } from 'vitest';
import { TG_LETTERS, tajikToLatin, tajikToPassport, tajikToRussified } from './tajik';
import { checkEveryLetter } from './letter-check';

const letters = Array.from(TG_LETTERS);
const pad = { src: 'б', dst: 'b' };

describe('Tajik', () => {
  it('has 35 letters', () => {
    expect(letters).toHaveLength(35);
  });
  it('Latin: every letter', () => {
    checkEveryLetter(
      tajikToLatin,
      letters,
      'a b v g gh d e yo zh z i ī y k q l m n o p r s t u ū f kh h ch j sh ’ e yu ya',
      pad,
    );
    expect(tajikToLatin('Сӯҳроб Ҷӯраев')).toBe('Sūhrob Jūrayev');
  });
  it('passport: every letter', () => {
    checkEveryLetter(
      tajikToPassport,
      letters,
      'a b v g gh d e yo zh z i i y k q l m n o p r s t u u f kh h ch j sh _ e yu ya',
      pad,
    );
  });
  it('Russified: every letter', () => {
    checkEveryLetter(
      tajikToRussified,
      letters,
      'a b v g g d e e zh z i i i k k l m n o p r s t u u f kh kh ch dzh sh ie e iu ia',
      pad,
    );
    expect(tajikToRussified('Шоҳрух Ҷамшедов')).toBe('Shokhrukh Dzhamshedov');
  });
});
