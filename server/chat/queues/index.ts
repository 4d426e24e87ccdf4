export { chatLeaveMessage } from './leave-message.js';
export { startQueuePositions } from './position-listener.js';
export { chatStatus } from './status.js';
export { hoursWidgetPart } from './widget-part.js';
export { queuesConfigProblem, queuesSchema } from './config.js';
export { siteQueues } from './site-queues.js';
