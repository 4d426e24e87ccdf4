import type { InvitationRule, InvitationsWidgetPart } from '../../protocol/index.js';
import { ownText } from '../../protocol/localized-text.js';
import type { CxSettings } from '../core/config/settings.js';
import { addBuiltInCatalog } from '../core/i18n/catalogs.js';
import type { MessageKey } from '../core/i18n/en.js';
import { invitationEn, invitationKo } from '../core/i18n/invitation-strings.js';
import { widgetSettings } from '../core/hub/widget-settings.js';
import { openConversationId } from './conversation-marker.js';
import { element, stylesheet, type CxChat } from './cx-chat.js';
import { invitationCss } from './invitation.styles.js';

/**
 * Proactive invitations, loaded by the launcher when the browser is idle and the visitor has
 * no conversation: no Lit, only the site's rules (from the widget settings), a timer and a
 * small bubble beside the launcher that does not take focus. Rate-limited per visitor.
 */

addBuiltInCatalog('en', invitationEn);
addBuiltInCatalog('ko', invitationKo);

/** When this browser last saw an invitation on any page of any site (ms since epoch). */
const SHOWN_KEY = 'cxkit.invitation.shownAt';
/** Set for the rest of the session once the visitor dismisses one. */
const DISMISSED_KEY = 'cxkit.invitation.dismissed';

/** `*` matches anything; everything else literally; the whole path must match. */
export function pathMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

function storageGet(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function storageSet(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // Blocked storage: the limit then holds for this page only.
  }
}

const dismissed = () => storageGet(() => sessionStorage, DISMISSED_KEY) !== null;
const invitedWithin = (minutes: number) =>
  Date.now() - Number(storageGet(() => localStorage, SHOWN_KEY) ?? 0) < minutes * 60_000;

/** A site to ask: a site key for a real hub, or a fake hub that answers for its site. */
const hasWidgetSettings = ({ siteKey, connection }: CxSettings) =>
  connection ? 'widgetSettings' in connection : siteKey !== '';

/** Whether an invitation may show now: not dismissed, not too soon, no chat going on. */
function mayInvite(chat: CxChat, part: InvitationsWidgetPart): boolean {
  return (
    !dismissed() &&
    !invitedWithin(part.minutesBetween) &&
    !chat.open &&
    chat.settings !== undefined &&
    openConversationId(chat.settings) === null
  );
}

/**
 * Fetches the site's rules, waits until the visitor has spent the first matching rule's time
 * on the page, and shows the invitation if it still may. Resolves once shown or given up.
 */
export async function offerInvitation(chat: CxChat): Promise<void> {
  if (!chat.settings || !hasWidgetSettings(chat.settings) || dismissed()) return;
  const part = (await widgetSettings(chat.settings).catch(() => null))?.invitations as
    InvitationsWidgetPart | undefined;
  if (!part || !mayInvite(chat, part)) return;
  const rule = part.rules.find((each) =>
    each.pages.some((pattern) => pathMatches(pattern, location.pathname)),
  );
  if (!rule) return;
  // performance.now() counts from the page's navigation: time already spent counts too.
  const wait = rule.afterSeconds * 1000 - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  if (mayInvite(chat, part)) showInvitation(chat, rule);
}

/** The text in the widget's language: the rule's own, else its catalog key, else English. */
function messageFor(chat: CxChat, rule: InvitationRule): string {
  const own = ownText(rule.message, chat.locale);
  if (own) return own;
  const key = rule.messageKey as MessageKey | undefined;
  const translated = key ? chat.t(key) : '';
  if (translated && translated !== key) return translated;
  return rule.message?.en ?? chat.t('invitation.default');
}

let invitationSheet: CSSStyleSheet | undefined;

function showInvitation(chat: CxChat, rule: InvitationRule): void {
  const sheet = (invitationSheet ??= stylesheet(invitationCss));
  const root = chat.shadowRoot!;
  storageSet(() => localStorage, SHOWN_KEY, String(Date.now()));
  const text = messageFor(chat, rule);

  // Built node by node (pages enforcing Trusted Types refuse innerHTML); texts as text.
  // Announced politely: the invitation does not take focus. A region present before its text.
  const announcer = element('div', { class: 'visually-hidden', role: 'status' });
  const bubble = element('div', {
    class: 'invitation',
    part: 'invitation',
    role: 'dialog',
    'aria-label': chat.t('invitation.label'),
  });
  const message = element('p');
  message.textContent = text;
  const accept = element('button', { class: 'accept' });
  accept.textContent = chat.t('invitation.accept');
  const dismissLabel = chat.t('invitation.dismiss');
  const dismiss = element('button', {
    class: 'dismiss',
    'aria-label': dismissLabel,
    title: dismissLabel,
  });
  dismiss.textContent = '×';
  const body = element('div');
  body.append(message, accept);
  bubble.append(body, dismiss);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  root.append(announcer, bubble);
  requestAnimationFrame(() => (announcer.textContent = text));

  const remove = () => {
    const hadFocus = bubble.contains(root.activeElement);
    bubble.remove();
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((each) => each !== sheet);
    announcer.remove();
    document.removeEventListener('keydown', onKeydown);
    chat.removeEventListener('cx-chat-open', remove);
    return hadFocus;
  };
  const onDismiss = () => {
    storageSet(() => sessionStorage, DISMISSED_KEY, '1');
    // Focus was on the bubble's button, which is gone: the launcher is the nearest place.
    if (remove()) chat.focus();
  };
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onDismiss();
  };
  dismiss.addEventListener('click', onDismiss);
  document.addEventListener('keydown', onKeydown);
  // Opened another way (the launcher): the invitation has done its job.
  chat.addEventListener('cx-chat-open', remove);
  accept.addEventListener('click', () => {
    remove();
    // The conversation this starts goes to the rule's queue, unless the page chose one.
    if (rule.queue && !chat.hasAttribute('queue')) chat.setAttribute('queue', rule.queue);
    void chat.userOpen(text);
  });
}
