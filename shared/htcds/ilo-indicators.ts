/**
 * The 11 ILO indicators of forced labour (ILO 2012, "ILO Indicators of Forced Labour", Special
 * Action Programme to Combat Forced Labour). Identifiers are ours (shared/data/ilo). Labels in the
 * staff languages and in the languages migrants read screening questions in: Uzbek (Latin, with
 * ʻ U+02BB and ʼ U+02BC as in the official alphabet), Kyrgyz and Tajik (Cyrillic).
 * The uz/ky/tg labels should be reviewed by native-speaking caseworkers before field use.
 */
import { z } from 'zod';

export const ILO_INDICATOR_IDS = [
  'abuse_of_vulnerability',
  'deception',
  'restriction_of_movement',
  'isolation',
  'physical_and_sexual_violence',
  'intimidation_and_threats',
  'retention_of_identity_documents',
  'withholding_of_wages',
  'debt_bondage',
  'abusive_working_and_living_conditions',
  'excessive_overtime',
] as const;
export const ZIloIndicator = z.enum(ILO_INDICATOR_IDS);
export type TIloIndicator = z.infer<typeof ZIloIndicator>;

export const ILO_INDICATOR_LOCALES = ['en', 'ru', 'kk', 'uz', 'ky', 'tg'] as const;
export type TIloIndicatorLocale = (typeof ILO_INDICATOR_LOCALES)[number];

export const ILO_INDICATOR_LABELS: Record<TIloIndicator, Record<TIloIndicatorLocale, string>> = {
  abuse_of_vulnerability: {
    en: 'Abuse of vulnerability',
    ru: 'Злоупотребление уязвимым положением',
    kk: 'Осал жағдайды теріс пайдалану',
    uz: 'Zaif holatdan gʻarazli foydalanish',
    ky: 'Аялуу абалды кыянаттык менен пайдалануу',
    tg: 'Сӯиистифода аз ҳолати осебпазир',
  },
  deception: {
    en: 'Deception',
    ru: 'Обман',
    kk: 'Алдау',
    uz: 'Aldov',
    ky: 'Алдоо',
    tg: 'Фиреб',
  },
  restriction_of_movement: {
    en: 'Restriction of movement',
    ru: 'Ограничение свободы передвижения',
    kk: 'Жүріп-тұру еркіндігін шектеу',
    uz: 'Harakatlanish erkinligini cheklash',
    ky: 'Жүрүп-туруу эркиндигин чектөө',
    tg: 'Маҳдуд кардани озодии ҳаракат',
  },
  isolation: {
    en: 'Isolation',
    ru: 'Изоляция',
    kk: 'Оқшаулау',
    uz: 'Yakkalab qoʻyish',
    ky: 'Обочолонтуу',
    tg: 'Ҷудо кардан аз дигарон',
  },
  physical_and_sexual_violence: {
    en: 'Physical and sexual violence',
    ru: 'Физическое и сексуальное насилие',
    kk: 'Дене және жыныстық зорлық-зомбылық',
    uz: 'Jismoniy va jinsiy zoʻravonlik',
    ky: 'Физикалык жана сексуалдык зомбулук',
    tg: 'Зӯроварии ҷисмонӣ ва ҷинсӣ',
  },
  intimidation_and_threats: {
    en: 'Intimidation and threats',
    ru: 'Запугивание и угрозы',
    kk: 'Қорқыту және қоқан-лоққы',
    uz: 'Qoʻrqitish va tahdidlar',
    ky: 'Коркутуу жана опузалар',
    tg: 'Тарсондан ва таҳдидҳо',
  },
  retention_of_identity_documents: {
    en: 'Retention of identity documents',
    ru: 'Удержание документов, удостоверяющих личность',
    kk: 'Жеке басын куәландыратын құжаттарды ұстап қалу',
    uz: 'Shaxsni tasdiqlovchi hujjatlarni ushlab qolish',
    ky: 'Инсандыгын күбөлөндүрүүчү документтерди кармап калуу',
    tg: 'Нигоҳ доштани ҳуҷҷатҳои тасдиқкунандаи шахсият',
  },
  withholding_of_wages: {
    en: 'Withholding of wages',
    ru: 'Удержание заработной платы',
    kk: 'Жалақыны ұстап қалу',
    uz: 'Ish haqini ushlab qolish',
    ky: 'Эмгек акыны кармап калуу',
    tg: 'Нигоҳ доштани музди меҳнат',
  },
  debt_bondage: {
    en: 'Debt bondage',
    ru: 'Долговая кабала',
    kk: 'Қарыз құлдығы',
    uz: 'Qarz qulligi',
    ky: 'Карыз кулчулугу',
    tg: 'Асорати қарзӣ',
  },
  abusive_working_and_living_conditions: {
    en: 'Abusive working and living conditions',
    ru: 'Недопустимые условия труда и проживания',
    kk: 'Адамгершілікке жат еңбек және тұрмыс жағдайлары',
    uz: 'Gʻayriinsoniy mehnat va yashash sharoitlari',
    ky: 'Адамгерчиликсиз эмгек жана жашоо шарттары',
    tg: 'Шароити ғайриинсонии меҳнат ва зиндагӣ',
  },
  excessive_overtime: {
    en: 'Excessive overtime',
    ru: 'Чрезмерная сверхурочная работа',
    kk: 'Шамадан тыс үстеме жұмыс',
    uz: 'Haddan tashqari qoʻshimcha ish',
    ky: 'Ченемден ашык кошумча иштөө',
    tg: 'Кори изофаи аз ҳад зиёд',
  },
};

export function iloIndicatorLabel(id: TIloIndicator, locale: TIloIndicatorLocale): string {
  return ILO_INDICATOR_LABELS[id][locale];
}
