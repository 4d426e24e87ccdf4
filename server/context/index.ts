/** The customer context the agent's card shows: journey, struggles, interests, cart, CRM. */
export { contextCommands } from './command.js';
export { buildContext, maxContextEvents, type ContextTarget } from './build.js';
export { detectStruggles, helpPageMatcher } from './struggles.js';
export { interestSignals } from './interests.js';
export { currentCart } from './cart.js';
export { groupVisits, presenceOf, onlineWindowMs } from './timeline.js';
