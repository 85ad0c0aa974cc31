import { caseFileErrors } from './case-file';
import { workflowErrors } from './workflow';
import { attachmentsErrors } from './attachments';
import { htcdsErrors } from './htcds';
import { hotlineErrors } from './hotline';
import { duplicatesErrors } from './duplicates';
import { referralLettersErrors } from './referral-letters';
import { referralsErrors } from './referrals';
import { partnersErrors } from './partners';
import type { TErrorKey } from './en';

export const errorsKk: Record<TErrorKey, string> = {
  'error.unauthenticated': 'Жалғастыру үшін жүйеге кіріңіз.',
  'error.sessionExpired': 'Сеанс мерзімі аяқталды. Қайта кіріңіз.',
  'error.forbidden': 'Сіздің рөліңіз бұл әрекетке рұқсат бермейді.',
  'error.notFound': 'Табылмады.',
  'error.badRequest': 'Сұрау дұрыс емес.',
  'error.validation': 'Кейбір өрістер дұрыс толтырылмаған: {details}',
  'error.malformedJson': 'Сұрау денесі дұрыс JSON емес.',
  'error.invalidUtf8': 'Сұрау денесі дұрыс UTF-8 мәтіні емес.',
  'error.unsupportedMediaType': 'Сұрау денесін application/json пішімінде жіберіңіз.',
  'error.unsupportedFileType': 'Мұнда бұл түрдегі файл қабылданбайды.',
  'error.payloadTooLarge': 'Сұрау тым үлкен ({limit, number} байттан аспауы керек).',
  'error.csrf': 'Беттің қауіпсіздік токені жоқ немесе ескірген. Бетті жаңартып, қайталап көріңіз.',
  'error.invalidCredentials': 'Электрондық пошта немесе құпиясөз қате.',
  'error.lockedOut':
    'Кіру әрекеттері тым көп сәтсіз болды. Тіркелгі {minutes, plural, other {# минутқа}} бұғатталды.',
  'error.rateLimited': 'Бұл мекенжайдан әрекеттер тым көп. Бір минут күтіп, қайталап көріңіз.',
  'error.accountDisabled': 'Бұл тіркелгі өшірілген. Әкімшіге хабарласыңыз.',
  'error.twoFactorRequired': 'Аутентификатор қолданбасындағы кодты енгізіңіз.',
  'error.twoFactorEnrolmentRequired':
    'Ұйымыңыз екі факторлы кіруді талап етеді. Жалғастыру үшін оны баптаңыз.',
  'error.passwordChangeRequired': 'Жалғастыру үшін жаңа құпиясөз орнатыңыз.',
  'error.invalidTotp': 'Код қате немесе бұрын пайдаланылған.',
  'error.twoFactorAlreadyEnabled': 'Екі факторлы кіру қосылып қойған.',
  'error.conflict': 'Бұл жазбаны басқа біреу өзгертті. Оны жаңартып, қайталап көріңіз.',
  'error.emailTaken': 'Мұндай электрондық поштасы бар пайдаланушы бар.',
  'error.passwordTooWeak':
    'Құпиясөз кемінде {min, number} таңбадан тұруы және жиі қолданылатын құпиясөз болмауы керек.',
  'error.cannotChangeSelf': 'Өз рөліңізді өзгертуге немесе өз тіркелгіңізді өшіруге болмайды.',
  'error.methodNotAllowed': 'Бұл әдіске мұнда рұқсат жоқ.',
  'error.internal': 'Біз жақта қате орын алды. Ештеңе сақталмады. Қайталап көріңіз.',
  'error.unavailable': 'Дерекқор қолжетімсіз.',
  'validation.required': 'міндетті өріс',
  'validation.tooShort': 'кемінде {min, number} таңба',
  'validation.tooLong': 'ең көбі {max, number} таңба',
  'validation.tooSmall': 'кемінде {min, number} болуы керек',
  'validation.tooBig': 'ең көбі {max, number} болуы керек',
  'validation.invalidType': 'мән түрі қате',
  'validation.invalidEmail': 'электрондық пошта мекенжайы дұрыс емес',
  'validation.invalidOption': 'рұқсат етілмеген мән',
  'validation.invalidFormat': 'пішімі қате',
  'validation.unknownField': 'белгісіз өріс',
  'validation.inFuture': 'болашақ уақыт болмауы керек',
  'validation.invalid': 'мәні дұрыс емес',
  'error.idempotencyKeyReused': 'Бұл Idempotency-Key басқа сұрау үшін қолданылған.',
  'error.nonDataContact': 'Үнсіз, үзілген, қате, әзіл немесе балағат қоңырау тек есепке алынады: ол іс аша алмайды және іске қосыла алмайды.',
  'error.contactAlreadyAttached': 'Бұл өтініш іске тіркеліп қойған.',
  'error.caseClosed': 'Бұл іс жабылған.',
  'validation.changedMeanwhile': 'оны басқа пайдаланушы өзгертті',
  'validation.unknownUser': 'ұйымыңызда мұндай пайдаланушы жоқ',
  'validation.closureReasonRequired': 'істі жабу үшін жабу себебін көрсетіңіз',
  'validation.searchNothingToFind': 'есімді, іс нөмірін, телефонды немесе құжат нөмірін енгізіңіз',
  'validation.searchPrefixTooShort': 'есімнің басы (соңында *) кемінде 3 әріптен тұруы керек',
  'validation.searchTooManyWords': 'есім бойынша іздеуге сөз тым көп',
  ...caseFileErrors.kk,
  ...workflowErrors.kk,
  ...attachmentsErrors.kk,
  ...htcdsErrors.kk,
  ...hotlineErrors.kk,
  ...duplicatesErrors.kk,
  ...referralLettersErrors.kk,
  ...referralsErrors.kk,
  ...partnersErrors.kk,
};
