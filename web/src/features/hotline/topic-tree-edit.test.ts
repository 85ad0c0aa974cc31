import { describe, expect, it } from 'vitest';
import type { TTopicNode } from '../../../../shared/schemas/contacts';
import {
  add,
  move,
  newCodeProblem,
  normalise,
  sameTree,
  setActive,
  setLabel,
  setParent,
  suggestCode,
} from './topic-tree-edit';

const node = (code: string, parentCode: string | null, position: number): TTopicNode => ({
  code,
  parentCode,
  labels: { ru: code, kk: code, en: code },
  position,
  active: true,
});
const tree = normalise([
  node('wages', null, 0),
  node('documents', null, 1),
  node('unpaid', 'wages', 0),
  node('late', 'wages', 1),
]);
const codes = (nodes: TTopicNode[]) => nodes.map((n) => `${n.parentCode ? '  ' : ''}${n.code}:${n.position}`);

describe('editing the topic tree', () => {
  it('keeps each topic followed by its subtopics, positions from 0', () => {
    expect(codes(tree)).toEqual(['wages:0', '  unpaid:0', '  late:1', 'documents:1']);
  });

  it('moves among siblings only, and not past the ends', () => {
    expect(codes(move(tree, 'documents', -1))).toEqual(['documents:0', 'wages:1', '  unpaid:0', '  late:1']);
    expect(codes(move(tree, 'late', -1))).toEqual(['wages:0', '  late:0', '  unpaid:1', 'documents:1']);
    expect(move(tree, 'wages', -1)).toEqual(tree);
    expect(move(tree, 'late', 1)).toEqual(tree);
  });

  it('nests one level: a topic with subtopics stays a topic; a subtopic can be lifted', () => {
    expect(codes(setParent(tree, 'documents', 'wages'))).toEqual([
      'wages:0',
      '  unpaid:0',
      '  late:1',
      '  documents:2',
    ]);
    expect(setParent(tree, 'wages', 'documents')).toEqual(tree);
    expect(codes(setParent(tree, 'unpaid', null))).toEqual([
      'wages:0',
      '  late:0',
      'documents:1',
      'unpaid:2',
    ]);
  });

  it('renames, retires, adds; knows when nothing changed', () => {
    const renamed = setLabel(tree, 'wages', 'kk', 'Жалақы');
    expect(renamed.find((n) => n.code === 'wages')!.labels).toEqual({
      ru: 'wages',
      kk: 'Жалақы',
      en: 'wages',
    });
    expect(sameTree(tree, renamed)).toBe(false);
    expect(sameTree(tree, setLabel(renamed, 'wages', 'kk', 'wages'))).toBe(true);
    expect(setActive(tree, 'late', false).find((n) => n.code === 'late')!.active).toBe(false);
    const added = add(tree, { code: 'overtime', parentCode: 'wages', labels: { ru: 'a', kk: 'b', en: 'c' } });
    expect(codes(added)).toEqual(['wages:0', '  unpaid:0', '  late:1', '  overtime:2', 'documents:1']);
  });

  it('checks and proposes codes', () => {
    expect(newCodeProblem(tree, 'wages')).toBe('taken');
    expect(newCodeProblem(tree, 'Bad code')).toBe('format');
    expect(newCodeProblem(tree, 'overtime')).toBeNull();
    expect(suggestCode('Unpaid wages (2026)')).toBe('unpaid_wages_2026');
    expect(suggestCode('Ж')).toBe('');
  });
});
