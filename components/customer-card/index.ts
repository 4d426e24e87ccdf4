/** Entry point of the customer-context card: registers `<cx-config>` and `<cx-customer-card>`. */
import { CxConfig } from '../core/config/cx-config.js';
import { defineElement } from '../core/define-element.js';
import { CxCustomerCard } from './cx-customer-card.js';

defineElement('cx-config', CxConfig);
defineElement('cx-customer-card', CxCustomerCard);

export { CxCustomerCard };
export type { CallbackRequestDetail, LinkSentDetail } from './cx-customer-card.js';
