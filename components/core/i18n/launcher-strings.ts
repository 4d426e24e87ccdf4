/**
 * The launchers' strings in the built-in languages: the only strings a storefront needs
 * before a widget opens, so they load eagerly while the full catalogs (en.ts, ko.ts) load
 * with each widget's panel. The full catalogs include these.
 */
export const launcherEn = {
  'chat.open': 'Open chat',
  'chat.unreadOne': ', 1 unread message',
  'chat.unread': ', {count} unread messages',
};

export const launcherKo: typeof launcherEn = {
  'chat.open': '채팅 열기',
  'chat.unreadOne': ', 읽지 않은 메시지 1개',
  'chat.unread': ', 읽지 않은 메시지 {count}개',
};
