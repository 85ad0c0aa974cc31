// API error messages of one feature, merged into the main catalogues. English is the source; ru and kk
// must have every key (tsc checks). ICU MessageFormat.
const en = {
  'error.personAlreadyMerged': 'One of these records has already been merged into another. Reload and try again.',
  'error.mergeAlreadyUndone': 'This merge has already been undone.',
  'error.mergeNotLatest': 'A later merge into the same person must be undone first.',
  'validation.samePerson': 'choose two different records',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'error.personAlreadyMerged': 'Одна из этих записей уже объединена с другой. Обновите страницу и попробуйте снова.',
  'error.mergeAlreadyUndone': 'Это объединение уже отменено.',
  'error.mergeNotLatest': 'Сначала отмените более позднее объединение с тем же человеком.',
  'validation.samePerson': 'выберите две разные записи',
};
const kk: Record<TKey, string> = {
  'error.personAlreadyMerged': 'Бұл жазбалардың бірі басқа жазбаға біріктіріліп қойған. Бетті жаңартып, қайталап көріңіз.',
  'error.mergeAlreadyUndone': 'Бұл біріктіру бұрын болдырылмаған.',
  'error.mergeNotLatest': 'Алдымен сол адамға кейін жасалған біріктіруді болдырмаңыз.',
  'validation.samePerson': 'екі түрлі жазбаны таңдаңыз',
};
export const duplicatesErrors = { en, ru, kk };
