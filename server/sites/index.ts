import { attachmentsWidgetPart } from '../attachments/index.js';
import { hoursWidgetPart } from '../chat/queues/index.js';
import { endOfChatWidgetPart, prechatWidgetPart } from '../chat/index.js';
import { invitationsWidgetPart } from '../chat/invitations.js';
import type { WidgetPart } from './widget-route.js';

export { widgetRoutes, type WidgetPart } from './widget-route.js';

/**
 * The parts of `GET /api/v1/sites/:siteKey/widget`, one per capability that the storefront
 * widgets must know about before they connect (pre-chat form, hours, attachment limits,
 * invitation rules, ...). Each capability adds its own entry here.
 */
export const widgetParts: Record<string, WidgetPart> = {
  attachments: attachmentsWidgetPart,
  hours: hoursWidgetPart,
  prechat: prechatWidgetPart,
  endOfChat: endOfChatWidgetPart,
  invitations: invitationsWidgetPart,
};
