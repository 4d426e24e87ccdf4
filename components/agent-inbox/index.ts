/** Entry point of the agent desk: registers `<cx-config>` and `<cx-agent-inbox>`. */
import { CxConfig } from '../core/config/cx-config.js';
import { defineElement } from '../core/define-element.js';
import { CxAgentInbox } from './cx-agent-inbox.js';

defineElement('cx-config', CxConfig);
defineElement('cx-agent-inbox', CxAgentInbox);

export { CxAgentInbox };
export type { ConversationAcceptedDetail } from './cx-agent-inbox.js';
export type { MessageSentDetail } from '../core/conversation/events.js';
