// API error messages of one feature, merged into the main catalogues. English is the source; ru and kk
// must have every key (tsc checks). ICU MessageFormat.
const en = {
  'caseFile.error.caseClosed': 'This case is closed: its file cannot be changed. A supervisor can reopen it.',
  'caseFile.error.consentWithdrawn': 'This consent has already been withdrawn.',
  'validation.caseFileActualVictimNeedsApproval':
    'recognising an actual victim of trafficking needs a supervisor’s approval: send a request from the case file',
  'validation.caseFileDecisionFixed': 'set by the approved decision; it cannot be changed here',
  'validation.caseFileAgeRequired': 'required when the day the age was stated is given',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'caseFile.error.caseClosed': 'Дело закрыто: его данные нельзя изменить. Открыть дело снова может супервизор.',
  'caseFile.error.consentWithdrawn': 'Это согласие уже отозвано.',
  'validation.caseFileActualVictimNeedsApproval':
    'признание фактической жертвой торговли людьми требует одобрения супервизора: отправьте запрос из карточки дела',
  'validation.caseFileDecisionFixed': 'установлено одобренным решением; здесь это изменить нельзя',
  'validation.caseFileAgeRequired': 'обязательно, если указан день, когда был назван возраст',
};
const kk: Record<TKey, string> = {
  'caseFile.error.caseClosed': 'Іс жабылған: оның деректерін өзгертуге болмайды. Істі супервайзер қайта аша алады.',
  'caseFile.error.consentWithdrawn': 'Бұл келісім бұрын кері қайтарып алынған.',
  'validation.caseFileActualVictimNeedsApproval':
    'адам саудасының нақты құрбаны деп тану үшін супервайзердің мақұлдауы қажет: іс карточкасынан сұрау жіберіңіз',
  'validation.caseFileDecisionFixed': 'мақұлданған шешіммен белгіленген; мұнда оны өзгертуге болмайды',
  'validation.caseFileAgeRequired': 'жас айтылған күн көрсетілсе, міндетті',
};
export const caseFileErrors = { en, ru, kk };
