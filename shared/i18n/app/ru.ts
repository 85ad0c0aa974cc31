// Русский каталог веб-приложения: каждый ключ английского источника обязателен (проверяет tsc).
import type { TAppKey } from './en';

export const appRu: Record<TAppKey, string> = {
  'app.name': 'Senim',
  'app.tagline': 'Сеть противодействия торговле людьми и помощи мигрантам',
  'app.documentTitle': '{page} · Senim',
  'app.demoBadge': 'Демо',

  'nav.skipToContent': 'Перейти к основному содержанию',
  'nav.main': 'Основная навигация',
  'nav.home': 'Главная',
  'nav.users': 'Пользователи',
  'nav.organisations': 'Организации',
  'nav.audit': 'Журнал аудита',
  'nav.account': 'Моя учётная запись',
  'header.userMenu': 'Меню учётной записи: {name}',
  'header.signOut': 'Выйти',
  'language.label': 'Язык',

  'common.loading': 'Загрузка…',
  'common.cancel': 'Отмена',
  'common.close': 'Закрыть',
  'common.done': 'Готово',
  'common.copied': 'Скопировано',
  'common.never': 'Никогда',
  'common.notSet': 'Не указан',
  'common.reload': 'Загрузить актуальную версию',
  'common.saveChanges': 'Сохранить изменения',
  'common.saved': 'Изменения сохранены.',

  'error.network': 'Сервер недоступен. Проверьте подключение и повторите попытку.',
  'error.unknown': 'Что-то пошло не так. Повторите попытку.',

  'form.required': 'Обязательное поле',
  'form.tooShort':
    'Не менее {min, plural, one {# символа} few {# символов} many {# символов} other {# символа}}',
  'form.tooLong':
    'Не более {max, plural, one {# символа} few {# символов} many {# символов} other {# символа}}',
  'form.invalidEmail': 'Введите корректный адрес электронной почты',
  'form.invalidFormat': 'Неверный формат',
  'form.pickAtLeastOne': 'Выберите хотя бы один вариант',
  'form.invalid': 'Недопустимое значение',
  'form.passwordsDontMatch': 'Пароли не совпадают',

  'signIn.title': 'Вход',
  'signIn.heading': 'Вход в Senim',
  'signIn.intro': 'Защищённое рабочее пространство кризисных центров, НПО и их партнёров.',
  'signIn.email': 'Электронная почта',
  'signIn.password': 'Пароль',
  'signIn.submit': 'Войти',
  'signIn.sessionExpired': 'Сеанс завершён. Войдите снова.',
  'signIn.signedOut': 'Вы вышли из системы.',
  'auth.otherAccount': 'Войти под другой учётной записью',

  'totp.heading': 'Двухфакторный вход',
  'totp.intro': 'Вы входите как {email}. Чтобы продолжить, введите код из приложения-аутентификатора.',
  'totp.code': 'Код',
  'totp.codeHint': '6-значный код из приложения или один из резервных кодов (xxxx-xxxx-xxxx).',
  'totp.submit': 'Подтвердить',

  'newPassword.heading': 'Придумайте новый пароль',
  'newPassword.intro':
    'Администратор сбросил ваш пароль. Чтобы продолжить, задайте новый пароль, который будете знать только вы.',
  'newPassword.submit': 'Сохранить и продолжить',
  'password.current': 'Текущий пароль',
  'password.new': 'Новый пароль',
  'password.repeat': 'Повторите новый пароль',
  'password.hint':
    'Не менее {min, plural, one {# символа} few {# символов} many {# символов} other {# символа}}. Фразу из нескольких слов легко запомнить и трудно подобрать.',

  'enrol.heading': 'Настройка двухфакторного входа',
  'enrol.introRequired':
    'Ваша организация требует второй шаг при входе — код из приложения на телефоне. Он защищает людей, с чьими данными вы работаете, даже если пароль станет известен посторонним.',
  'enrol.introOptional':
    'Добавьте второй шаг при входе — код из приложения на телефоне. Он защищает людей, с чьими данными вы работаете, даже если пароль станет известен посторонним.',
  'enrol.stepInstall':
    'Установите на телефон приложение-аутентификатор, например Aegis, FreeOTP или Google Authenticator.',
  'enrol.stepScan': 'Добавьте в приложении новую учётную запись и отсканируйте этот QR-код.',
  'enrol.qrAlt': 'QR-код для добавления Senim в приложение-аутентификатор',
  'enrol.manualKey': 'Не получается отсканировать? Введите в приложении этот ключ:',
  'enrol.code': '6-значный код из приложения',
  'enrol.submit': 'Включить двухфакторный вход',

  'recovery.heading': 'Сохраните резервные коды',
  'recovery.intro':
    'Двухфакторный вход включён. Если вы потеряете телефон, {count, plural, one {этот # код позволит} few {каждый из этих # кодов позволит} many {каждый из этих # кодов позволит} other {каждый из этих # кода позволит}} войти один раз. Коды показываются только сейчас.',
  'recovery.listLabel': 'Резервные коды',
  'recovery.copy': 'Скопировать коды',
  'recovery.print': 'Распечатать',
  'recovery.hint':
    'Храните их на бумаге или в менеджере паролей, но не на том же телефоне, где установлено приложение.',
  'recovery.done': 'Я сохранил(а) коды, продолжить',

  'home.greeting': 'Здравствуйте, {name}',
  'home.yourRoles': 'Ваши роли:',
  'home.demoNotice':
    'Это демонстрационная версия: все люди и организации в ней вымышлены. Не вводите реальные персональные данные.',
  'home.countsHeading': 'Ваша организация в цифрах',
  'home.countUsers':
    '{count, plural, one {учётная запись} few {учётные записи} many {учётных записей} other {учётной записи}}',
  'home.countLocked':
    '{count, plural, one {учётная запись заблокирована} few {учётные записи заблокированы} many {учётных записей заблокировано} other {учётной записи заблокировано}} после неудачных попыток входа',
  'home.countWithoutTwoFactor':
    '{count, plural, one {пользователь без двухфакторного входа} few {пользователя без двухфакторного входа} many {пользователей без двухфакторного входа} other {пользователя без двухфакторного входа}}',
  'home.countDenied':
    '{count, plural, one {отклонённый запрос} few {отклонённых запроса} many {отклонённых запросов} other {отклонённого запроса}} за последние 24 часа',
  'home.workHeading': 'Чем вы занимаетесь',
  'home.securityHeading': 'Безопасность входа',
  'home.twoFactorOn': 'Двухфакторный вход включён.',
  'home.twoFactorOff':
    'Двухфакторный вход выключен. Включите его: он сохранит данные людей, которым вы помогаете, даже если ваш пароль украдут.',
  'home.lastLogin': 'Предыдущий вход: {date}. Если это были не вы, смените пароль и сообщите администратору.',
  'home.firstLogin': 'Это ваш первый вход.',
  'home.securityReminder':
    'Никому не сообщайте пароль и коды. Выходите из системы, когда оставляете общий компьютер.',

  'role.admin': 'Администратор',
  'role.operator': 'Оператор горячей линии',
  'role.case_worker': 'Кейс-менеджер',
  'role.supervisor': 'Супервизор',
  'role.partner_officer': 'Сотрудник партнёрской организации',
  'role.analyst': 'Аналитик',
  'roleWork.admin':
    'Вы управляете своей организацией в Senim: учётными записями и ролями пользователей, сбросом паролей и двухфакторного входа, разблокировкой учётных записей, настройками безопасности организации и журналом аудита — кто и что сделал.',
  'roleWork.operator':
    'Вы принимаете звонки и сообщения на горячую линию 11616 от мигрантов, пострадавших, родственников и свидетелей, регистрируете каждое обращение и открываете кейс или присоединяете обращение к кейсу, когда человеку нужна помощь.',
  'roleWork.case_worker':
    'Вы помогаете людям по своим кейсам: оценка потребностей, план помощи, юридические, психологические и другие услуги, перенаправление партнёрам, сопровождение и закрытие кейса.',
  'roleWork.supervisor':
    'Вы руководите работой команды: качество ведения кейсов, перенаправления и сроки, учётные записи сотрудников; вам доступна статистика организации.',
  'roleWork.partner_officer':
    'Вы получаете перенаправления от сети для своего ведомства, принимаете или отклоняете их, действуете и сообщаете о результате.',
  'roleWork.analyst':
    'Вы работаете с обобщённой обезличенной статистикой: данные по регионам, видам эксплуатации, полу и возрасту, нагрузке горячей линии, результатам перенаправлений и охвату обучений. Персональные данные вам не видны.',

  'orgType.crisis_centre': 'Кризисный центр',
  'orgType.ngo': 'Неправительственная организация',
  'orgType.police': 'Полиция',
  'orgType.prosecutor': 'Прокуратура',
  'orgType.trade_union': 'Профсоюз',
  'orgType.state_body': 'Государственный орган',
  'orgType.international_organisation': 'Международная организация',
  'orgType.embassy': 'Посольство',

  'localeName.ru': 'Русский',
  'localeName.kk': 'Казахский',
  'localeName.en': 'Английский',

  'users.title': 'Пользователи',
  'users.create': 'Добавить пользователя',
  'users.searchLabel': 'Поиск пользователей',
  'users.searchPlaceholder': 'Имя или электронная почта',
  'users.searchSubmit': 'Найти',
  'users.totalCount':
    '{count, plural, one {# пользователь} few {# пользователя} many {# пользователей} other {# пользователя}}',
  'users.foundCount':
    'По запросу «{q}» {count, plural, one {найден # пользователь} few {найдено # пользователя} many {найдено # пользователей} other {найдено # пользователя}}',
  'users.empty': 'Пользователи не найдены.',
  'users.colName': 'Имя',
  'users.colEmail': 'Электронная почта',
  'users.colRoles': 'Роли',
  'users.colStatus': 'Статус',
  'users.colTwoFactor': 'Двухфакторный вход',
  'users.colLastLogin': 'Последний вход',
  'users.createdAt': 'Учётная запись создана',
  'users.back': 'Все пользователи',
  'userStatus.active': 'Активна',
  'userStatus.disabled': 'Отключена',
  'userStatus.lockedUntil': 'Заблокирована до {time}',
  'twoFactor.on': 'Включён',
  'twoFactor.off': 'Выключен',

  'userForm.fullName': 'ФИО',
  'userForm.email': 'Электронная почта',
  'userForm.roles': 'Роли',
  'userForm.locale': 'Язык интерфейса',
  'userForm.isActive': 'Учётная запись активна (пользователь может войти)',
  'userCreate.heading': 'Новый пользователь',
  'userCreate.submit': 'Создать учётную запись',
  'userCreate.created': 'Учётная запись для {name} создана',
  'tempPassword.label': 'Временный пароль',
  'tempPassword.intro':
    'Передайте этот пароль пользователю {name} лично или по телефону, не по электронной почте. Он показывается только один раз; при первом входе пользователь задаст новый пароль.',
  'tempPassword.copy': 'Скопировать пароль',

  'userSecurity.heading': 'Безопасность входа',
  'userSecurity.lockedNotice': 'Учётная запись заблокирована после неудачных попыток входа до {time}.',
  'userSecurity.unlock': 'Разблокировать',
  'userSecurity.unlockConfirm':
    'Разблокировать учётную запись пользователя {name} сейчас? Делайте это, только если уверены, что неудачные попытки входа были его собственными.',
  'userSecurity.unlocked': 'Учётная запись разблокирована.',
  'userSecurity.resetPassword': 'Сбросить пароль',
  'userSecurity.resetPasswordConfirm':
    'Сбросить пароль пользователя {name}? Текущий пароль перестанет действовать, а все сеансы этого пользователя завершатся. Вы получите временный пароль, который нужно будет ему передать.',
  'userSecurity.newTemporaryPassword': 'Новый временный пароль',
  'userSecurity.resetTwoFactor': 'Сбросить двухфакторный вход',
  'userSecurity.resetTwoFactorConfirm':
    'Сбросить двухфакторный вход пользователя {name}? Делайте это только после проверки личности обратившегося, например если он потерял телефон и резервные коды.',
  'userSecurity.twoFactorResetDone':
    'Двухфакторный вход сброшен. Если он обязателен, {name} настроит его заново при следующем входе.',

  'orgs.title': 'Организации',
  'orgs.create': 'Добавить организацию',
  'orgs.createHeading': 'Новая организация сети',
  'orgs.createSubmit': 'Добавить организацию',
  'orgs.colTwoFactor': 'Двухфакторный вход',
  'orgs.twoFactorRequired': 'Обязателен',
  'orgs.twoFactorOptional': 'По желанию',
  'orgs.back': 'Все организации',
  'org.coordinator': 'Координатор сети',
  'org.active': 'Активна',
  'org.inactive': 'Неактивна',
  'org.readOnly': 'Изменять эти настройки может только администратор организации.',
  'orgForm.name': 'Название',
  'orgForm.type': 'Тип',
  'orgForm.region': 'Регион',
  'orgForm.regionHint': 'Область или город головного офиса.',
  'region.cities': 'Города республиканского значения',
  'region.regions': 'Области',
  'orgForm.requireTwoFactor': 'Требовать двухфакторный вход от всех пользователей',
  'orgForm.requireTwoFactorHint':
    'Пользователям, которые его ещё не настроили, будет предложено сделать это при следующем входе.',

  'audit.title': 'Журнал аудита',
  'audit.intro':
    'Все входы, изменения и просмотры чувствительных данных, включая отказы в доступе. Записи связаны в цепочку, изменить их нельзя.',
  'audit.filterAction': 'Событие',
  'audit.allActions': 'Все события',
  'audit.filterOutcome': 'Результат',
  'audit.allOutcomes': 'Все результаты',
  'audit.colTime': 'Время',
  'audit.colActor': 'Кто',
  'audit.colAction': 'Событие',
  'audit.colOutcome': 'Результат',
  'audit.colTarget': 'Запись',
  'audit.colIp': 'IP-адрес',
  'audit.colDetails': 'Подробности',
  'audit.system': 'Система',
  'audit.shownCount':
    '{count, plural, one {Показана # запись} few {Показаны # записи} many {Показано # записей} other {Показано # записи}}',
  'audit.empty': 'Нет записей, соответствующих фильтрам.',
  'audit.loadOlder': 'Загрузить более ранние записи',
  'audit.end': 'Это начало журнала.',
  'auditOutcome.success': 'Успешно',
  'auditOutcome.denied': 'Отказано',
  'auditOutcome.failure': 'Ошибка',
  'auditEvent.session.created': 'Вход в систему',
  'auditEvent.session.loginFailed': 'Неудачная попытка входа',
  'auditEvent.session.lockedOut': 'Блокировка учётной записи',
  'auditEvent.session.ended': 'Выход из системы',
  'auditEvent.session.expired': 'Сеанс истёк',
  'auditEvent.twoFactor.enrolled': 'Двухфакторный вход настроен',
  'auditEvent.twoFactor.verified': 'Код второго фактора принят',
  'auditEvent.twoFactor.failed': 'Код второго фактора отклонён',
  'auditEvent.twoFactor.recoveryUsed': 'Использован резервный код',
  'auditEvent.twoFactor.reset': 'Двухфакторный вход сброшен',
  'auditEvent.password.changed': 'Пароль изменён',
  'auditEvent.password.reset': 'Пароль сброшен',
  'auditEvent.user.created': 'Пользователь создан',
  'auditEvent.user.updated': 'Пользователь изменён',
  'auditEvent.user.read': 'Просмотр пользователя',
  'auditEvent.user.listed': 'Просмотр списка пользователей',
  'auditEvent.organisation.created': 'Организация создана',
  'auditEvent.organisation.updated': 'Организация изменена',
  'auditEvent.organisation.read': 'Просмотр организации',
  'auditEvent.organisation.listed': 'Просмотр списка организаций',
  'auditEvent.audit.listed': 'Просмотр журнала аудита',
  'auditEvent.access.denied': 'Отказ в доступе',
  'auditEvent.keys.rotated': 'Смена ключей шифрования',
  'auditEvent.backup.created': 'Создана резервная копия',
  'auditEvent.backup.restored': 'Восстановление из резервной копии',
  'auditEvent.seed.demoCreated': 'Созданы демонстрационные данные',

  'account.title': 'Моя учётная запись',
  'account.profile': 'Профиль',
  'account.organisation': 'Организация',
  'account.language': 'Язык интерфейса',
  'account.languageHint': 'Выбор сохраняется в вашей учётной записи и действует на любом компьютере.',
  'account.twoFactor': 'Двухфакторный вход',
  'account.twoFactorOnHint':
    'Двухфакторный вход включён. Если вы потеряете телефон, воспользуйтесь резервным кодом или попросите администратора сбросить его.',
  'account.twoFactorOffHint':
    'Двухфакторный вход выключен. Чтобы включить его, понадобятся телефон и две минуты.',
  'account.setUpTwoFactor': 'Настроить двухфакторный вход',
  'account.changePassword': 'Смена пароля',
  'account.changePasswordSubmit': 'Сменить пароль',
  'account.passwordChanged': 'Пароль изменён.',

  'pagination.label': 'Страницы',
  'pagination.previous': 'Назад',
  'pagination.next': 'Вперёд',
  'pagination.page': 'Страница {page, number} из {pages, number}',

  'notFound.title': 'Страница не найдена',
  'notFound.body': 'Такой страницы нет, или у вас нет к ней доступа.',
  'notFound.home': 'На главную',
};
