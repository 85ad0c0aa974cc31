/**
 * ISIC Rev. 4 sections A–U (the HTCDS forced-labour industry list) in English, Russian and Kazakh.
 * English: the UN's ISIC Rev. 4 titles. Russian and Kazakh: the section titles of Kazakhstan's
 * classifier of economic activity (ОКЭД / ЭҚЖЖ), which follows ISIC/NACE at section level.
 */
import { codesOf, type THtcdsCode } from './code-lists';

export const ISIC_SECTIONS = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U',
] as const; // prettier-ignore
export type TIsicSection = (typeof ISIC_SECTIONS)[number];
export type TIsicLocale = 'en' | 'ru' | 'kk';

export const ISIC_SECTION_NAMES: Record<TIsicSection, Record<TIsicLocale, string>> = {
  A: {
    en: 'Agriculture, forestry and fishing',
    ru: 'Сельское, лесное и рыбное хозяйство',
    kk: 'Ауыл, орман және балық шаруашылығы',
  },
  B: {
    en: 'Mining and quarrying',
    ru: 'Горнодобывающая промышленность и разработка карьеров',
    kk: 'Тау-кен өндіру өнеркәсібі және карьерлерді қазу',
  },
  C: { en: 'Manufacturing', ru: 'Обрабатывающая промышленность', kk: 'Өңдеу өнеркәсібі' },
  D: {
    en: 'Electricity, gas, steam and air conditioning supply',
    ru: 'Снабжение электроэнергией, газом, паром, горячей водой и кондиционированным воздухом',
    kk: 'Электр энергиясымен, газбен, бумен, ыстық сумен және ауаны кондициялаумен жабдықтау',
  },
  E: {
    en: 'Water supply; sewerage, waste management and remediation activities',
    ru: 'Водоснабжение; водоотведение, сбор, обработка и удаление отходов, деятельность по ликвидации загрязнений',
    kk: 'Сумен жабдықтау; кәріз жүйесі, қалдықтарды жинау, өңдеу және жою, ластануды жою жөніндегі қызмет',
  },
  F: { en: 'Construction', ru: 'Строительство', kk: 'Құрылыс' },
  G: {
    en: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
    ru: 'Оптовая и розничная торговля; ремонт автомобилей и мотоциклов',
    kk: 'Көтерме және бөлшек сауда; автомобильдер мен мотоциклдерді жөндеу',
  },
  H: { en: 'Transportation and storage', ru: 'Транспорт и складирование', kk: 'Көлік және қоймалау' },
  I: {
    en: 'Accommodation and food service activities',
    ru: 'Предоставление услуг по проживанию и питанию',
    kk: 'Тұру және тамақтану бойынша қызметтер көрсету',
  },
  J: { en: 'Information and communication', ru: 'Информация и связь', kk: 'Ақпарат және байланыс' },
  K: {
    en: 'Financial and insurance activities',
    ru: 'Финансовая и страховая деятельность',
    kk: 'Қаржы және сақтандыру қызметі',
  },
  L: {
    en: 'Real estate activities',
    ru: 'Операции с недвижимым имуществом',
    kk: 'Жылжымайтын мүлікпен операциялар',
  },
  M: {
    en: 'Professional, scientific and technical activities',
    ru: 'Профессиональная, научная и техническая деятельность',
    kk: 'Кәсіби, ғылыми және техникалық қызмет',
  },
  N: {
    en: 'Administrative and support service activities',
    ru: 'Деятельность в области административного и вспомогательного обслуживания',
    kk: 'Әкімшілік және қосалқы қызмет көрсету саласындағы қызмет',
  },
  O: {
    en: 'Public administration and defence; compulsory social security',
    ru: 'Государственное управление и оборона; обязательное социальное обеспечение',
    kk: 'Мемлекеттік басқару және қорғаныс; міндетті әлеуметтік қамсыздандыру',
  },
  P: { en: 'Education', ru: 'Образование', kk: 'Білім беру' },
  Q: {
    en: 'Human health and social work activities',
    ru: 'Здравоохранение и социальные услуги',
    kk: 'Денсаулық сақтау және халыққа әлеуметтік қызмет көрсету',
  },
  R: {
    en: 'Arts, entertainment and recreation',
    ru: 'Искусство, развлечения и отдых',
    kk: 'Өнер, ойын-сауық және демалыс',
  },
  S: {
    en: 'Other service activities',
    ru: 'Предоставление прочих видов услуг',
    kk: 'Қызметтердің басқа түрлерін ұсыну',
  },
  T: {
    en: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
    ru: 'Деятельность домашних хозяйств как работодателей; недифференцированная деятельность домашних хозяйств по производству товаров и услуг для собственного потребления',
    kk: 'Үй шаруашылықтарының жұмыс беруші ретіндегі қызметі; үй шаруашылықтарының өз тұтынуы үшін тауарлар мен қызметтер өндірудегі сараланбаған қызметі',
  },
  U: {
    en: 'Activities of extraterritorial organizations and bodies',
    ru: 'Деятельность экстерриториальных организаций и органов',
    kk: 'Экстерриториялық ұйымдар мен органдардың қызметі',
  },
};

type TIndustry = THtcdsCode<'forcedLabourIndustry'>;

/** The ISIC section of an HTCDS forced-labour industry code (`F_Construction` → `F`). */
export function isicSectionOf(code: TIndustry): TIsicSection {
  return code.slice(0, 1) as TIsicSection;
}

/** Labels of the HTCDS industry codes in one language, from the ISIC section names. */
export function industryLabels(locale: TIsicLocale): Record<TIndustry, string> {
  const out = {} as Record<TIndustry, string>;
  for (const code of codesOf('forcedLabourIndustry'))
    out[code] = ISIC_SECTION_NAMES[isicSectionOf(code)][locale];
  return out;
}
