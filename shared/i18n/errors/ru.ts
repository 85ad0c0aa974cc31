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

export const errorsRu: Record<TErrorKey, string> = {
  'error.unauthenticated': 'Войдите в систему, чтобы продолжить.',
  'error.sessionExpired': 'Сеанс истёк. Войдите снова.',
  'error.forbidden': 'Ваша роль не позволяет выполнить это действие.',
  'error.notFound': 'Не найдено.',
  'error.badRequest': 'Некорректный запрос.',
  'error.validation': 'Некоторые поля заполнены неверно: {details}',
  'error.malformedJson': 'Тело запроса не является корректным JSON.',
  'error.invalidUtf8': 'Тело запроса не является корректным текстом UTF-8.',
  'error.unsupportedMediaType': 'Отправьте тело запроса в формате application/json.',
  'error.unsupportedFileType': 'Файлы этого типа здесь не принимаются.',
  'error.payloadTooLarge': 'Запрос слишком большой (не более {limit, number} байт).',
  'error.csrf': 'Токен безопасности страницы отсутствует или устарел. Обновите страницу и повторите попытку.',
  'error.invalidCredentials': 'Неверный адрес электронной почты или пароль.',
  'error.lockedOut':
    'Слишком много неудачных попыток входа. Учётная запись заблокирована на {minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}.',
  'error.rateLimited': 'Слишком много попыток с этого адреса. Подождите минуту и повторите.',
  'error.accountDisabled': 'Учётная запись отключена. Обратитесь к администратору.',
  'error.twoFactorRequired': 'Введите код из приложения-аутентификатора.',
  'error.twoFactorEnrolmentRequired':
    'Ваша организация требует двухфакторный вход. Настройте его, чтобы продолжить.',
  'error.passwordChangeRequired': 'Чтобы продолжить, задайте новый пароль.',
  'error.invalidTotp': 'Код неверен или уже был использован.',
  'error.twoFactorAlreadyEnabled': 'Двухфакторный вход уже включён.',
  'error.conflict': 'Запись изменена другим пользователем. Обновите её и повторите попытку.',
  'error.emailTaken': 'Пользователь с таким адресом электронной почты уже существует.',
  'error.passwordTooWeak':
    'Пароль должен содержать не менее {min, number} символов и не быть распространённым паролем.',
  'error.cannotChangeSelf': 'Нельзя изменить собственную роль или отключить собственную учётную запись.',
  'error.methodNotAllowed': 'Этот метод здесь не разрешён.',
  'error.internal': 'На нашей стороне произошла ошибка. Ничего не сохранено. Повторите попытку.',
  'error.unavailable': 'База данных недоступна.',
  'validation.required': 'обязательное поле',
  'validation.tooShort': 'не менее {min, number} символов',
  'validation.tooLong': 'не более {max, number} символов',
  'validation.tooSmall': 'не меньше {min, number}',
  'validation.tooBig': 'не больше {max, number}',
  'validation.invalidType': 'неверный тип значения',
  'validation.invalidEmail': 'некорректный адрес электронной почты',
  'validation.invalidOption': 'недопустимое значение',
  'validation.invalidFormat': 'неверный формат',
  'validation.unknownField': 'неизвестное поле',
  'validation.inFuture': 'не может быть в будущем',
  'validation.invalid': 'некорректное значение',
  'error.idempotencyKeyReused': 'Этот Idempotency-Key уже использован для другого запроса.',
  'error.nonDataContact': 'Молчание, сброс, ошибочный звонок, розыгрыш или оскорбления только учитываются: такое обращение не может открыть дело или войти в него.',
  'error.contactAlreadyAttached': 'Это обращение уже прикреплено к делу.',
  'error.caseClosed': 'Это дело закрыто.',
  'validation.changedMeanwhile': 'изменено другим пользователем',
  'validation.unknownUser': 'нет такого пользователя в вашей организации',
  'validation.closureReasonRequired': 'чтобы закрыть дело, укажите причину закрытия',
  'validation.searchNothingToFind': 'введите имя, номер дела, телефон или номер документа',
  'validation.searchPrefixTooShort': 'начало имени (с * на конце) должно содержать не меньше 3 букв',
  'validation.searchTooManyWords': 'слишком много слов для поиска по имени',
  ...caseFileErrors.ru,
  ...workflowErrors.ru,
  ...attachmentsErrors.ru,
  ...htcdsErrors.ru,
  ...hotlineErrors.ru,
  ...duplicatesErrors.ru,
  ...referralLettersErrors.ru,
  ...referralsErrors.ru,
  ...partnersErrors.ru,
};
