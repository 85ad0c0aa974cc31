import { describe, it, expect } from 'vitest';
import {
  UZ_CYRILLIC_LETTERS,
  uzbekCyrillicToLatin,
  uzbekLatinToCyrillic,
  normalizeUzbekApostrophes,
  UZ_APOSTROPHES,
} from './uzbek';
import { checkEveryLetter } from './letter-check';

describe('Uzbek', () => {
  it('Cyrillic → Latin: every letter', () => {
    const letters = Array.from(UZ_CYRILLIC_LETTERS);
    expect(letters).toHaveLength(35);
    checkEveryLetter(
      uzbekCyrillicToLatin,
      letters,
      'a b v g d e yo j z i y k l m n o p r s t u f x ts ch sh ’ _ e yu ya o‘ q g‘ h',
      { src: 'б', dst: 'b' },
    );
    expect(uzbekCyrillicToLatin('Ергаш Ўткир')).toBe('Yergash O‘tkir');
  });
  it('Latin → Cyrillic: every letter and digraph', () => {
    const latin = ['a', 'b', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y', 'z', 'o‘', 'g‘', 'sh', 'ch', 'yo', 'yu', 'ya', 'ye', 'ts', '’'];
    checkEveryLetter(
      uzbekLatinToCyrillic,
      latin,
      'а б д е ф г ҳ и ж к л м н о п қ р с т у в х й з ў ғ ш ч ё ю я е ц ъ',
      { src: 'b', dst: 'б' },
    );
    expect(uzbekLatinToCyrillic('Ergash')).toBe('Эргаш');
  });
  it('accepts every apostrophe variant for o‘ and g‘', () => {
    for (const a of UZ_APOSTROPHES) {
      expect(uzbekLatinToCyrillic(`O${a}tkir G${a}ayrat`)).toBe('Ўткир Ғайрат');
      expect(normalizeUzbekApostrophes(`o${a}g${a}li`)).toBe('o‘g‘li');
      expect(uzbekLatinToCyrillic(`Ma${a}ruf`)).toBe('Маъруф');
    }
  });
});
