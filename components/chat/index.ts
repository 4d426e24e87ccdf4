/** Entry point of the chat widget: registers `<cx-config>` and `<cx-chat>`. */
import { CxConfig } from '../core/config/cx-config.js';
import { defineElement } from '../core/define-element.js';
import { CxChat } from './cx-chat.js';

defineElement('cx-config', CxConfig);
defineElement('cx-chat', CxChat);

export { CxChat };
export type { MessageSentDetail } from '../core/conversation/events.js';
