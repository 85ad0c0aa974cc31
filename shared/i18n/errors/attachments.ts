// API error messages of one feature, merged into the main catalogues. English is the source; ru and kk
// must have every key (tsc checks). ICU MessageFormat.
const en = {
  'error.attachmentTypeMismatch':
    'The file’s content is not what its type says. Only PDF, JPEG, PNG and WebP files are accepted.',
  'error.attachmentEmpty': 'The file is empty.',
  'error.attachmentsPerCaseLimit':
    'This case already has {max, number} attachments, the most it can hold. Delete one that is no longer needed first.',
  'validation.attachmentFilename': 'a file name (without folders), at most {max, number} characters',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'error.attachmentTypeMismatch':
    'Содержимое файла не соответствует его типу. Принимаются только файлы PDF, JPEG, PNG и WebP.',
  'error.attachmentEmpty': 'Файл пустой.',
  'error.attachmentsPerCaseLimit':
    'К этому делу уже приложено {max, number} файлов — это предел. Сначала удалите файл, который больше не нужен.',
  'validation.attachmentFilename': 'имя файла (без папок), не длиннее {max, number} символов',
};
const kk: Record<TKey, string> = {
  'error.attachmentTypeMismatch':
    'Файлдың мазмұны оның түріне сәйкес келмейді. Тек PDF, JPEG, PNG және WebP файлдары қабылданады.',
  'error.attachmentEmpty': 'Файл бос.',
  'error.attachmentsPerCaseLimit':
    'Бұл іске {max, number} файл тіркелген — бұл шек. Алдымен енді қажет емес файлды жойыңыз.',
  'validation.attachmentFilename': 'файл атауы (қалтасыз), {max, number} таңбадан аспауы керек',
};
export const attachmentsErrors = { en, ru, kk };
