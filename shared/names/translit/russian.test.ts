import { describe, it, expect } from 'vitest';
import { RU_LETTERS, russianToIcao, russianToGostA, russianToGostB, russianToBgn, russianToInformal } from './russian';
import { checkEveryLetter } from './letter-check';

const letters = Array.from(RU_LETTERS);
const pad = { src: 'б', dst: 'b' };

describe('Russian romanisations', () => {
  it('has 33 letters', () => {
    expect(letters).toHaveLength(33);
  });
  it('ICAO 9303: every letter', () => {
    checkEveryLetter(
      russianToIcao,
      letters,
      'a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y _ e iu ia',
      pad,
    );
  });
  it('GOST 7.79 A: every letter', () => {
    checkEveryLetter(
      russianToGostA,
      letters,
      'a b v g d e ë ž z i j k l m n o p r s t u f h c č š ŝ ʺ y ʹ è û â',
      pad,
    );
  });
  it('GOST 7.79 B: every letter, ц before е/и/ы/й', () => {
    checkEveryLetter(
      russianToGostB,
      letters,
      'a b v g d e yo zh z i j k l m n o p r s t u f x cz ch sh shh `` y` ` e` yu ya',
      pad,
    );
    expect(russianToGostB('Цыганов')).toBe('Cy`ganov');
    expect(russianToGostB('Цапля')).toBe('Czaplya');
  });
  it('BGN/PCGN: every letter, ye/yë at the start and after vowels', () => {
    checkEveryLetter(
      russianToBgn,
      letters,
      'a b v g d e ë zh z i y k l m n o p r s t u f kh ts ch sh shch ” y ’ e yu ya',
      pad,
    );
    expect(russianToBgn('Елена')).toBe('Yelena');
    expect(russianToBgn('Соловьёва')).toBe('Solov’yëva');
    expect(russianToBgn('Андреев')).toBe('Andreyev');
  });
  it('informal: every letter', () => {
    checkEveryLetter(
      russianToInformal,
      letters,
      "a b v g d e yo zh z i y k l m n o p r s t u f h ts ch sh sch _ y ' e yu ya",
      pad,
    );
    expect(russianToInformal('Гульдан')).toBe("Gul'dan");
    expect(russianToInformal('Евгений')).toBe('Yevgeniy');
  });
  it('keeps capitals', () => {
    expect(russianToIcao('ЩЕРБАКОВ Юрий')).toBe('SHCHERBAKOV Iurii');
  });
});
