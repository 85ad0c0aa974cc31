// API error messages of the referral network (issue 4): referral-letters. Merged into the main catalogues.
// English is the source; ru and kk must have every key (tsc checks). ICU MessageFormat.
const en = {
  'error.linkExpired': 'This link has expired or has already been used.',
  'error.linkLocked': 'Too many wrong reply codes: this link is locked. Ask the sender for a new letter.',
  'error.wrongReplyCode': 'The reply code is wrong. Check it on the letter ({remaining, plural, one {# attempt} other {# attempts}} left).',
  'error.referralRevokedBySender': 'The sender has revoked this referral: it can no longer be answered.',
  'error.referralNotLetter': 'This referral goes to a partner that uses Senim: it has no letter.',
  'error.letterDownloadExpired': 'This download has expired: issue the letter again to download it.',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'error.linkExpired': 'Срок действия ссылки истёк, или она уже использована.',
  'error.linkLocked': 'Слишком много неверных кодов: ссылка заблокирована. Попросите отправителя выпустить новое письмо.',
  'error.wrongReplyCode': 'Неверный код ответа. Проверьте его по письму (осталось попыток: {remaining}).',
  'error.referralRevokedBySender': 'Отправитель отозвал это направление: ответить на него больше нельзя.',
  'error.referralNotLetter': 'Это направление партнёру, который работает в Senim: письма у него нет.',
  'error.letterDownloadExpired': 'Срок скачивания истёк: выпустите письмо заново, чтобы скачать его.',
};
const kk: Record<TKey, string> = {
  'error.linkExpired': 'Сілтеменің мерзімі өтті немесе ол қолданылып қойған.',
  'error.linkLocked': 'Қате кодтар тым көп: сілтеме бұғатталды. Жіберушіден жаңа хат сұраңыз.',
  'error.wrongReplyCode': 'Жауап коды қате. Оны хаттан тексеріңіз (қалған әрекеттер: {remaining}).',
  'error.referralRevokedBySender': 'Жіберуші бұл жолдаманы кері қайтарды: оған енді жауап беру мүмкін емес.',
  'error.referralNotLetter': 'Бұл жолдама Senim-ді пайдаланатын серіктеске жіберілген: оның хаты жоқ.',
  'error.letterDownloadExpired': 'Жүктеу мерзімі өтті: жүктеу үшін хатты қайта шығарыңыз.',
};
export const referralLettersErrors = { en, ru, kk };
