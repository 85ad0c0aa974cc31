// Web app messages of one feature, merged into the main catalogues. English is the source; ru and kk
// must have every key (tsc checks). ICU MessageFormat.
// HTCDS import and export (administrators).
const en = {
  'htcdsIo.title': 'HTCDS import and export',
  'htcdsIo.intro':
    'Exchange case files with partners in IOM’s Human Trafficking Case Data Standard (HTCDS v2.0): a CSV file with one case per row and the standard’s field names as column names.',
  'htcdsIo.importHeading': 'Import a file',
  'htcdsIo.importIntro':
    'Each row becomes a new case of your organisation. Every row is checked first; columns that are not HTCDS fields are ignored.',
  'htcdsIo.file': 'HTCDS file (CSV, UTF-8)',
  'htcdsIo.fileHint':
    'At most {max, number} MB. Larger files are imported on the server with the command senim import htcds.',
  'htcdsIo.fileRequired': 'Choose a file.',
  'htcdsIo.fileTooLarge': 'The file is larger than {max, number} MB.',
  'htcdsIo.modeLegend': 'If some rows are not valid',
  'htcdsIo.mode.all': 'Import nothing (the whole file or nothing)',
  'htcdsIo.mode.skipInvalid': 'Import the valid rows and set the others aside',
  'htcdsIo.submit': 'Import',
  'htcdsIo.imported':
    '{imported, plural, one {# case imported} other {# cases imported}} from {rows, plural, one {# row} other {# rows}} in {seconds, number} s.',
  'htcdsIo.skipped': '{count, plural, one {# row was} other {# rows were}} not imported.',
  'htcdsIo.unknownColumns': 'Columns ignored (not HTCDS fields): {columns}',
  'htcdsIo.errorsHeading': 'Rows not imported',
  'htcdsIo.errorsTruncated':
    'The first {shown, number} of {total, number} problems are listed; the file of rejected rows has them all.',
  'htcdsIo.colLine': 'Line',
  'htcdsIo.colColumn': 'Column',
  'htcdsIo.colProblem': 'Problem',
  'htcdsIo.downloadRejected': 'Download the rejected rows (CSV)',
  'htcdsIo.rejectedHint':
    'The rows as they were in your file, with a last column giving the reason. Correct them there and import that file.',
  'htcdsIo.exportHeading': 'Export',
  'htcdsIo.exportIntro':
    'Every case of your organisation as an HTCDS file, for a partner or for a report. Each export is recorded in the audit log.',
  'htcdsIo.exportSensitiveNote':
    'Narratives and other sensitive texts are left out of your export: your role does not read them.',
  'htcdsIo.exportLink': 'Export all cases (HTCDS CSV)',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'htcdsIo.title': 'Импорт и экспорт HTCDS',
  'htcdsIo.intro':
    'Обмен делами с партнёрами в формате стандарта МОМ для данных о случаях торговли людьми (HTCDS v2.0): файл CSV, одно дело в строке, названия полей стандарта в заголовках столбцов.',
  'htcdsIo.importHeading': 'Импорт файла',
  'htcdsIo.importIntro':
    'Каждая строка становится новым делом вашей организации. Сначала проверяются все строки; столбцы, которые не являются полями HTCDS, пропускаются.',
  'htcdsIo.file': 'Файл HTCDS (CSV, UTF-8)',
  'htcdsIo.fileHint':
    'Не больше {max, number} МБ. Файлы большего размера импортируются на сервере командой senim import htcds.',
  'htcdsIo.fileRequired': 'Выберите файл.',
  'htcdsIo.fileTooLarge': 'Файл больше {max, number} МБ.',
  'htcdsIo.modeLegend': 'Если некоторые строки содержат ошибки',
  'htcdsIo.mode.all': 'Ничего не импортировать (весь файл или ничего)',
  'htcdsIo.mode.skipInvalid': 'Импортировать правильные строки, остальные отложить',
  'htcdsIo.submit': 'Импортировать',
  'htcdsIo.imported':
    '{imported, plural, one {Импортировано # дело} few {Импортировано # дела} many {Импортировано # дел} other {Импортировано # дела}} из {rows, plural, one {# строки} other {# строк}} за {seconds, number} с.',
  'htcdsIo.skipped':
    '{count, plural, one {# строка не импортирована} few {# строки не импортированы} many {# строк не импортировано} other {# строки не импортированы}}.',
  'htcdsIo.unknownColumns': 'Пропущенные столбцы (не поля HTCDS): {columns}',
  'htcdsIo.errorsHeading': 'Строки, которые не импортированы',
  'htcdsIo.errorsTruncated':
    'Показаны первые {shown, number} из {total, number} ошибок; в файле отклонённых строк есть все.',
  'htcdsIo.colLine': 'Строка',
  'htcdsIo.colColumn': 'Столбец',
  'htcdsIo.colProblem': 'Ошибка',
  'htcdsIo.downloadRejected': 'Скачать отклонённые строки (CSV)',
  'htcdsIo.rejectedHint':
    'Строки в том виде, в каком они были в вашем файле, и последний столбец с причиной. Исправьте их там и импортируйте этот файл.',
  'htcdsIo.exportHeading': 'Экспорт',
  'htcdsIo.exportIntro':
    'Все дела вашей организации в файле HTCDS — для партнёра или для отчёта. Каждый экспорт записывается в журнал аудита.',
  'htcdsIo.exportSensitiveNote':
    'Рассказы и другие чувствительные тексты в ваш экспорт не попадают: ваша роль их не читает.',
  'htcdsIo.exportLink': 'Экспортировать все дела (HTCDS CSV)',
};
const kk: Record<TKey, string> = {
  'htcdsIo.title': 'HTCDS импорты және экспорты',
  'htcdsIo.intro':
    'ХКҰ-ның адам саудасы істері деректерінің стандарты (HTCDS v2.0) бойынша серіктестермен істер алмасу: CSV файлы, әр жолда бір іс, баған атаулары — стандарт өрістерінің атаулары.',
  'htcdsIo.importHeading': 'Файлды импорттау',
  'htcdsIo.importIntro':
    'Әр жол ұйымыңыздың жаңа ісіне айналады. Алдымен барлық жолдар тексеріледі; HTCDS өрісі болып табылмайтын бағандар өткізіліп жіберіледі.',
  'htcdsIo.file': 'HTCDS файлы (CSV, UTF-8)',
  'htcdsIo.fileHint':
    'Көп дегенде {max, number} МБ. Бұдан үлкен файлдар серверде senim import htcds командасымен импортталады.',
  'htcdsIo.fileRequired': 'Файлды таңдаңыз.',
  'htcdsIo.fileTooLarge': 'Файл {max, number} МБ-тан үлкен.',
  'htcdsIo.modeLegend': 'Кейбір жолдарда қате болса',
  'htcdsIo.mode.all': 'Ештеңе импорттамау (бүкіл файл немесе ештеңе)',
  'htcdsIo.mode.skipInvalid': 'Дұрыс жолдарды импорттау, қалғандарын бөлек қою',
  'htcdsIo.submit': 'Импорттау',
  'htcdsIo.imported':
    '{rows, plural, other {# жолдан}} {imported, plural, other {# іс}} {seconds, number} с ішінде импортталды.',
  'htcdsIo.skipped': '{count, plural, other {# жол импортталмады}}.',
  'htcdsIo.unknownColumns': 'Өткізілген бағандар (HTCDS өрістері емес): {columns}',
  'htcdsIo.errorsHeading': 'Импортталмаған жолдар',
  'htcdsIo.errorsTruncated':
    '{total, number} қатенің алғашқы {shown, number} қатесі көрсетілген; қабылданбаған жолдар файлында барлығы бар.',
  'htcdsIo.colLine': 'Жол',
  'htcdsIo.colColumn': 'Баған',
  'htcdsIo.colProblem': 'Қате',
  'htcdsIo.downloadRejected': 'Қабылданбаған жолдарды жүктеп алу (CSV)',
  'htcdsIo.rejectedHint':
    'Жолдар файлыңыздағыдай, соңғы бағанда себебі көрсетілген. Оларды сол жерде түзетіп, сол файлды импорттаңыз.',
  'htcdsIo.exportHeading': 'Экспорт',
  'htcdsIo.exportIntro':
    'Ұйымыңыздың барлық істері HTCDS файлында — серіктес үшін немесе есеп үшін. Әр экспорт аудит журналына жазылады.',
  'htcdsIo.exportSensitiveNote':
    'Әңгімелер мен басқа да сезімтал мәтіндер экспортқа енбейді: сіздің рөліңіз оларды оқымайды.',
  'htcdsIo.exportLink': 'Барлық істерді экспорттау (HTCDS CSV)',
};
export const htcdsImportMessages = { en, ru, kk };
