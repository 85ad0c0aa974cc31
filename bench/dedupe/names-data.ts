/**
 * Name lists for the generated benchmark, read at bench time from ../shared/data/names (next to
 * the repository). Sources and licences: see README.md in this folder (mimesis, MIT; faker2, MIT).
 * Nothing is copied into the project. The loader is shared with `senim generate cases`
 * (server/features/generate/name-lists.ts).
 */
import { uzbekLatinToCyrillic } from '../../shared/names/index';
import {
  DEFAULT_NAMES_DIR,
  feminine,
  loadNameGroups,
  masculine,
  type TGroupNames,
  type TNameGroup,
} from '../../server/features/generate/name-lists';

export type Group = TNameGroup;
export type GroupNames = TGroupNames;
export const NAMES_DIR = DEFAULT_NAMES_DIR;

export function loadGroups(): Record<Group, GroupNames> {
  return loadNameGroups(NAMES_DIR);
}

export { feminine, masculine, uzbekLatinToCyrillic };
