// API error messages of one feature, merged into the main catalogues. English is the source; ru and kk
// must have every key (tsc checks). ICU MessageFormat.
const en = {
  'validation.hotline.topicUnknown': 'not an active topic of your organisation',
  'validation.hotline.topicDuplicate': 'this code is used twice',
  'validation.hotline.topicParentUnknown': 'no such topic to nest under',
  'validation.hotline.topicTooDeep': 'a subtopic cannot have subtopics of its own (two levels at most)',
  'validation.hotline.topicRemoved': 'topics cannot be deleted, only retired; missing: {codes}',
  'validation.hotline.mustBeFuture': 'must be in the future',
  'validation.hotline.countOnlyContact': 'not for a contact that is only counted',
  'validation.hotline.notAPhone': 'not a phone number',
  'validation.hotline.contactHasNoPhone': 'this contact has no caller phone',
  'validation.hotline.noCallback': 'this contact has no callback to mark as done',
  'validation.hotline.notCrisis': 'this contact is not a crisis',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'validation.hotline.topicUnknown': 'нет среди действующих тем вашей организации',
  'validation.hotline.topicDuplicate': 'этот код указан дважды',
  'validation.hotline.topicParentUnknown': 'нет такой темы, в которую можно вложить',
  'validation.hotline.topicTooDeep': 'у подтемы не может быть своих подтем (не больше двух уровней)',
  'validation.hotline.topicRemoved':
    'темы нельзя удалять, только выводить из употребления; пропущены: {codes}',
  'validation.hotline.mustBeFuture': 'должно быть в будущем',
  'validation.hotline.countOnlyContact': 'не для обращения, которое только учитывается',
  'validation.hotline.notAPhone': 'это не номер телефона',
  'validation.hotline.contactHasNoPhone': 'у этого обращения нет телефона абонента',
  'validation.hotline.noCallback': 'у этого обращения нет обратного звонка, который можно отметить',
  'validation.hotline.notCrisis': 'это обращение не кризисное',
};
const kk: Record<TKey, string> = {
  'validation.hotline.topicUnknown': 'ұйымыңыздың қолданыстағы тақырыптарының ішінде жоқ',
  'validation.hotline.topicDuplicate': 'бұл код екі рет көрсетілген',
  'validation.hotline.topicParentUnknown': 'ішіне салатын мұндай тақырып жоқ',
  'validation.hotline.topicTooDeep': 'кіші тақырыптың өз кіші тақырыптары болмайды (ең көбі екі деңгей)',
  'validation.hotline.topicRemoved':
    'тақырыптарды жоюға болмайды, тек қолданыстан шығаруға болады; жоқ: {codes}',
  'validation.hotline.mustBeFuture': 'болашақта болуы керек',
  'validation.hotline.countOnlyContact': 'тек есепке алынатын өтініш үшін емес',
  'validation.hotline.notAPhone': 'бұл телефон нөмірі емес',
  'validation.hotline.contactHasNoPhone': 'бұл өтініште қоңырау шалушының телефоны жоқ',
  'validation.hotline.noCallback': 'бұл өтініште белгілейтін кері қоңырау жоқ',
  'validation.hotline.notCrisis': 'бұл өтініш дағдарыстық емес',
};
export const hotlineErrors = { en, ru, kk };
