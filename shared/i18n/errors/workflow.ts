// API error messages of one feature, merged into the main catalogues. English is the source; ru and kk
// must have every key (tsc checks). ICU MessageFormat.
const en = {
  'workflow.caseClosed': 'This case is closed: nothing can be added to its file. A supervisor can reopen it.',
  'workflow.closeNeedsApproval':
    'Closing a case needs a supervisor’s approval: send a closure request from the case file instead.',
  'workflow.closurePending':
    'A closure request is waiting for a decision on this case: approve or reject it instead of closing the case directly.',
  'workflow.approvalPending': 'A request of this kind is already waiting for a decision on this case.',
  'workflow.ownRequest': 'You cannot decide a request you made yourself: another supervisor must decide it.',
  'workflow.alreadyDecided': 'This request has already been decided.',
  'workflow.alreadyActualVictim': 'This person is already recognised as a victim of trafficking.',
  'validation.workflowUnknownOrganisation': 'no such organisation in the network',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'workflow.caseClosed': 'Дело закрыто: в него нельзя ничего добавить. Открыть его снова может супервизор.',
  'workflow.closeNeedsApproval':
    'Для закрытия дела нужно одобрение супервизора: вместо этого отправьте запрос на закрытие из карточки дела.',
  'workflow.closurePending':
    'По этому делу ожидает решения запрос на закрытие: одобрите или отклоните его вместо того, чтобы закрывать дело напрямую.',
  'workflow.approvalPending': 'Запрос такого вида по этому делу уже ожидает решения.',
  'workflow.ownRequest':
    'Нельзя принимать решение по собственному запросу: его должен принять другой супервизор.',
  'workflow.alreadyDecided': 'По этому запросу решение уже принято.',
  'workflow.alreadyActualVictim': 'Этот человек уже признан жертвой торговли людьми.',
  'validation.workflowUnknownOrganisation': 'такой организации нет в сети',
};
const kk: Record<TKey, string> = {
  'workflow.caseClosed': 'Іс жабылған: оған ештеңе қосуға болмайды. Оны супервайзер қайта аша алады.',
  'workflow.closeNeedsApproval':
    'Істі жабу үшін супервайзердің мақұлдауы қажет: оның орнына іс картасынан жабуға сұрау жіберіңіз.',
  'workflow.closurePending':
    'Бұл іс бойынша жабуға сұрау шешімді күтіп тұр: істі тікелей жаппай, сұрауды мақұлдаңыз немесе қабылдамаңыз.',
  'workflow.approvalPending': 'Бұл іс бойынша осындай сұрау шешімді күтіп тұр.',
  'workflow.ownRequest': 'Өз сұрауыңыз бойынша шешім қабылдай алмайсыз: оны басқа супервайзер шешуі керек.',
  'workflow.alreadyDecided': 'Бұл сұрау бойынша шешім қабылданып қойған.',
  'workflow.alreadyActualVictim': 'Бұл адам адам саудасының құрбаны ретінде танылған.',
  'validation.workflowUnknownOrganisation': 'желіде мұндай ұйым жоқ',
};
export const workflowErrors = { en, ru, kk };
