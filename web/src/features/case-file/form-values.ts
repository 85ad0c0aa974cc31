// What form controls hold → what the API takes: empty text is absent (cleared), numbers are parsed.

const empty = (value: string | undefined | null) =>
  value === undefined || value === null || value.trim() === '';

/** A text control's value: trimmed, or undefined when empty (absent = cleared). */
export const text = (value: string | undefined | null): string | undefined =>
  empty(value) ? undefined : value!.trim();

/** A number control's value: undefined when empty; what is not a number is passed on to be refused. */
export const num = (value: string | undefined | null): number | string | undefined => {
  if (empty(value)) return undefined;
  const n = Number(value!.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : value!;
};

/** A list of checked codes: undefined when none. */
export const list = <T>(values: readonly T[] | undefined | null): T[] | undefined =>
  values && values.length > 0 ? [...values] : undefined;

/** The control's value of an optional stored value. */
export const str = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);
