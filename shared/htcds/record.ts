/**
 * One HTCDS record: the values of one row of an HTCDS file, grouped by section, keyed by the
 * standard's field names. Types follow each field's kind and code list, so a record built in
 * code cannot hold an unknown code.
 */
import type { HTCDS_CODE_LIST_OF_FIELD, THtcdsCode } from './code-lists';
import {
  HTCDS_GROUPS,
  type TFieldsOfGroup,
  type THtcdsField,
  type THtcdsFieldKind,
  type THtcdsFieldName,
  type THtcdsGroup,
} from './fields';

type TCodeListFields = typeof HTCDS_CODE_LIST_OF_FIELD;

interface TKindValue {
  text: string;
  longText: string;
  picklistOrText: string;
  lookup: string;
  /** Only the language fields (ISO 639) are picklists without a code list. */
  picklist: string;
  /** Only citizenship (ISO 3166) is a multi-select without a code list. */
  multiPicklist: string[];
  checkbox: boolean;
  /** ISO 8601 calendar date, YYYY-MM-DD. */
  date: string;
  number: number;
  geolocation: number;
}
/** tsc fails here if the standard gains a kind this file does not know. */
type TKindsCovered = Pick<TKindValue, THtcdsFieldKind>;

/** The type of a field's value. */
export type THtcdsValue<N extends THtcdsFieldName> = N extends keyof TCodeListFields
  ? THtcdsField<N>['kind'] extends 'multiPicklist'
    ? THtcdsCode<TCodeListFields[N]>[]
    : THtcdsCode<TCodeListFields[N]>
  : TKindsCovered[THtcdsField<N>['kind']];

export type THtcdsGroupValues<G extends THtcdsGroup> = { [N in TFieldsOfGroup<G>]?: THtcdsValue<N> };

/** Every group is present (possibly empty), every field is optional. */
export type THtcdsRecord = { [G in THtcdsGroup]: THtcdsGroupValues<G> };

/** Any field's value, as stored in a record. */
export type THtcdsAnyValue = string | number | boolean | string[];

export function emptyHtcdsRecord(): THtcdsRecord {
  const record = {} as Record<THtcdsGroup, object>;
  for (const g of HTCDS_GROUPS) record[g] = {};
  return record;
}
