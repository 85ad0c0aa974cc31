// API error messages of the referral network (issue 4): referrals. Merged into the main catalogues.
// English is the source; ru and kk must have every key (tsc checks). ICU MessageFormat.
const en = {
  'error.referralNotAnswerable': 'This referral can no longer be answered.',
  'error.referralAcceptFirst': 'The referral must be accepted before its outcome is recorded.',
  'error.referralFinal': 'This referral is closed: nothing more can be shared or changed.',
  'error.referralCaseClosed': 'A closed case cannot be referred. Reopen it first.',
  'error.referralToSelf': 'A case cannot be referred to your own organisation.',
  'error.fieldNotAllowed': 'This partner may not receive this part of the case: {field}.',
  'error.consentRequired':
    'Sharing personal data with this partner needs the person’s recorded consent ({scope}). Record the consent, share only non-personal parts, or (with the override permission) give a written reason.',
  'error.referralCaseAlreadyOpened': 'A case has already been opened from this referral.',
  'error.referralNotAccepted': 'Accept the referral before opening a case from it.',
  'error.referralAnsweredByPartner': 'This partner uses Senim and answers the referral itself.',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'error.referralNotAnswerable': 'На это направление больше нельзя ответить.',
  'error.referralAcceptFirst': 'Сначала примите направление, затем укажите его результат.',
  'error.referralFinal': 'Направление закрыто: больше ничего нельзя передать или изменить.',
  'error.referralCaseClosed': 'Закрытый случай нельзя направить. Сначала откройте его снова.',
  'error.referralToSelf': 'Нельзя направить случай в собственную организацию.',
  'error.fieldNotAllowed': 'Этому партнёру нельзя передавать эту часть случая: {field}.',
  'error.consentRequired':
    'Для передачи персональных данных этому партнёру нужно записанное согласие человека ({scope}). Запишите согласие, передайте только неперсональные сведения или (при наличии права) укажите письменное обоснование.',
  'error.referralCaseAlreadyOpened': 'По этому направлению случай уже открыт.',
  'error.referralNotAccepted': 'Примите направление, прежде чем открыть по нему случай.',
  'error.referralAnsweredByPartner': 'Этот партнёр работает в Senim и отвечает на направление сам.',
};
const kk: Record<TKey, string> = {
  'error.referralNotAnswerable': 'Бұл жолдамаға енді жауап беру мүмкін емес.',
  'error.referralAcceptFirst': 'Нәтижесін жазбас бұрын жолдаманы қабылдау керек.',
  'error.referralFinal': 'Жолдама жабылған: енді ештеңе беруге немесе өзгертуге болмайды.',
  'error.referralCaseClosed': 'Жабылған істі жолдауға болмайды. Алдымен оны қайта ашыңыз.',
  'error.referralToSelf': 'Істі өз ұйымыңызға жолдауға болмайды.',
  'error.fieldNotAllowed': 'Бұл серіктеске істің бұл бөлігін беруге болмайды: {field}.',
  'error.consentRequired':
    'Бұл серіктеске дербес деректерді беру үшін адамның жазылған келісімі қажет ({scope}). Келісімді жазыңыз, тек дербес емес бөліктерін беріңіз немесе (рұқсатыңыз болса) жазбаша негіздеме беріңіз.',
  'error.referralCaseAlreadyOpened': 'Бұл жолдама бойынша іс әлдеқашан ашылған.',
  'error.referralNotAccepted': 'Жолдама бойынша іс ашу үшін алдымен оны қабылдаңыз.',
  'error.referralAnsweredByPartner': 'Бұл серіктес Senim-ді пайдаланады және жолдамаға өзі жауап береді.',
};
export const referralsErrors = { en, ru, kk };
