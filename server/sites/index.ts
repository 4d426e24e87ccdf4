import type { WidgetPart } from './widget-route.js';

export { widgetRoutes, type WidgetPart } from './widget-route.js';

/**
 * The parts of `GET /api/v1/sites/:siteKey/widget`, one per capability that the storefront
 * widgets must know about before they connect (pre-chat form, hours, attachment limits,
 * invitation rules, ...). Each capability adds its own entry here.
 */
export const widgetParts: Record<string, WidgetPart> = {};
