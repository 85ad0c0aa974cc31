// Web app messages of one feature, merged into the main catalogues. English is the source; ru and kk
// must have every key (tsc checks). ICU MessageFormat.
const en = {
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
};
const kk: Record<TKey, string> = {
};
export const caseFileMessages = { en, ru, kk };
