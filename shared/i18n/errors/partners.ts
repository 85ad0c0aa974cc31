// API error messages of the referral network (issue 4): partners. Merged into the main catalogues.
// English is the source; ru and kk must have every key (tsc checks). ICU MessageFormat.
const en = {
  'error.partnerNotMember': 'This organisation is not a member of the network.',
  'error.partnerNameTaken': 'An organisation with this name is already in the network.',
  'error.memorandumUnknownMembers':
    'Every member of a memorandum must be an organisation in the partner directory ({count, plural, one {# is} other {# are}} not).',
  'error.memorandumTooFewMembers': 'A memorandum needs at least two different members.',
  'error.memorandumDates': 'A memorandum cannot end before the day it was signed.',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'error.partnerNotMember': 'Эта организация не состоит в сети.',
  'error.partnerNameTaken': 'Организация с таким названием уже есть в сети.',
  'error.memorandumUnknownMembers':
    'Каждый участник меморандума должен быть организацией из справочника партнёров (не найдено: {count, number}).',
  'error.memorandumTooFewMembers': 'У меморандума должно быть не меньше двух разных участников.',
  'error.memorandumDates': 'Срок действия меморандума не может закончиться раньше даты подписания.',
};
const kk: Record<TKey, string> = {
  'error.partnerNotMember': 'Бұл ұйым желі мүшесі емес.',
  'error.partnerNameTaken': 'Мұндай атаулы ұйым желіде бар.',
  'error.memorandumUnknownMembers':
    'Меморандумның әр қатысушысы серіктестер анықтамалығындағы ұйым болуы керек (табылмады: {count, number}).',
  'error.memorandumTooFewMembers': 'Меморандумның кемінде екі түрлі қатысушысы болуы керек.',
  'error.memorandumDates': 'Меморандумның қолданылу мерзімі қол қойылған күннен бұрын аяқтала алмайды.',
};
export const partnersErrors = { en, ru, kk };
