/**
 * Test helper: check a transliteration letter by letter. `expected` lists the target of each
 * letter in order, separated by spaces; "_" stands for an empty target. Each letter is checked
 * inside a word (between `pad` letters) in lower case and capitalised at the start of a word.
 */
import { expect } from 'vitest';

export function checkEveryLetter(
  fn: (s: string) => string,
  letters: readonly string[],
  expected: string,
  pad: { src: string; dst: string },
): void {
  const targets = expected.split(' ').map((t) => (t === '_' ? '' : t));
  expect(targets.length).toBe(letters.length);
  letters.forEach((letter, i) => {
    const want = targets[i] ?? '';
    expect(fn(`${pad.src}${letter}${pad.src}`), `letter ${letter}`).toBe(`${pad.dst}${want}${pad.dst}`);
  });
}
