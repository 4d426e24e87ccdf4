/**
 * The launchers' strings in the built-in languages: the only strings a storefront needs
 * before a widget opens, so they load eagerly while the full catalogs (en.ts, ko.ts) load
 * with each widget's panel. The full catalogs include these.
 */
export const launcherEn = {
  'chat.open': 'Open chat',
};

export const launcherKo: typeof launcherEn = {
  'chat.open': '채팅 열기',
};
