import { describe, it, expect } from 'vitest';
import {
  KK_CYRILLIC_LETTERS,
  kazakhToLatin2021,
  kazakhToPassport,
  kazakhToInformal,
  kazakhLatin2021ToCyrillic,
} from './kazakh';
import { checkEveryLetter } from './letter-check';

const letters = Array.from(KK_CYRILLIC_LETTERS);
const pad = { src: 'б', dst: 'b' };

describe('Kazakh Cyrillic alphabet', () => {
  it('has 42 letters', () => {
    expect(letters).toHaveLength(42);
  });
});

describe('Kazakh → Latin 2021', () => {
  it('maps every letter', () => {
    checkEveryLetter(
      kazakhToLatin2021,
      letters,
      'a ä b v g ğ d e io j z i i k q l m n ñ o ö p r s t u ū ü f h h ts ch ş şş _ y ı _ e iu ia',
      pad,
    );
  });
  it('uses Turkic capitals: И → İ, І → I', () => {
    expect(kazakhToLatin2021('Ілияс')).toBe('Iliias');
    expect(kazakhToLatin2021('Ирина')).toBe('İrina');
    expect(kazakhToLatin2021('ШЫҢҒЫС')).toBe('ŞYÑĞYS');
  });
  it('writes whole names', () => {
    expect(kazakhToLatin2021('Қазақстан Республикасы')).toBe('Qazaqstan Respublikasy');
    expect(kazakhToLatin2021('Гүлдана Әбілқайырқызы')).toBe('Güldana Äbılqaiyrqyzy');
  });
});

describe('Kazakh → passport', () => {
  it('maps every letter', () => {
    checkEveryLetter(
      kazakhToPassport,
      letters,
      'a a b v g g d e e zh z i i k k l m n n o o p r s t u u u f kh h ts ch sh shch ie y i _ e iu ia',
      pad,
    );
  });
  it('writes whole names', () => {
    expect(kazakhToPassport('Нұрсұлтан Әбішұлы Назарбаев')).toBe('Nursultan Abishuly Nazarbaev');
    expect(kazakhToPassport('Жанар')).toBe('Zhanar');
  });
});

describe('Kazakh → informal', () => {
  it('maps every letter', () => {
    checkEveryLetter(
      kazakhToInformal,
      letters,
      "a a b v g gh d e yo j z i y k q l m n ng o o p r s t u u u f h h ts ch sh sch _ y i ' e yu ya",
      pad,
    );
  });
});

describe('Kazakh Latin 2021 → Cyrillic', () => {
  it('maps every Latin letter and digraph', () => {
    const latin = ['a', 'ä', 'b', 'd', 'e', 'f', 'g', 'ğ', 'h', 'ı', 'i', 'j', 'k', 'l', 'm', 'n', 'ñ', 'o', 'ö', 'p', 'q', 'r', 's', 'ş', 't', 'u', 'ū', 'ü', 'v', 'y', 'z', 'ts', 'ch', 'şş', 'iu', 'ia', 'io'];
    checkEveryLetter(
      kazakhLatin2021ToCyrillic,
      latin,
      'а ә б д е ф г ғ х і и ж к л м н ң о ө п қ р с ш т у ұ ү в ы з ц ч щ ю я ё',
      { src: 'b', dst: 'б' },
    );
  });
  it('round-trips names, with й after a vowel', () => {
    for (const name of ['Айгүл', 'Қайрат', 'Ілияс', 'Шыңғыс', 'Ұлболсын', 'Әсел', 'Ғалия', 'Үміт', 'Өмірзақ']) {
      expect(kazakhLatin2021ToCyrillic(kazakhToLatin2021(name))).toBe(name);
    }
  });
});
