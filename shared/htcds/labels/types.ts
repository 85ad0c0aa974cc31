import type { THtcdsCode, THtcdsCodeListId } from '../code-lists';

/** A label for every code of every list; tsc fails when a translation misses a code. */
export type THtcdsLabels = { [L in THtcdsCodeListId]: Record<THtcdsCode<L>, string> };

/** Names of websites and apps are the same in every language; only "Other" is translated. */
export const WEBSITE_OR_APP_NAMES: Omit<Record<THtcdsCode<'websiteOrApp'>, string>, 'Other'> = {
  Facebook: 'Facebook',
  Instagram: 'Instagram',
  WhatsApp: 'WhatsApp',
  Telegram: 'Telegram',
  FacebookMessenger: 'Facebook Messenger',
  Viber: 'Viber',
  SnapChat: 'Snapchat',
  Line: 'LINE',
  '4Sale': '4Sale',
  WeChat: 'WeChat',
  QQ: 'QQ',
  QZone: 'Qzone',
  TikTok: 'TikTok',
  Twitter: 'Twitter (X)',
};
