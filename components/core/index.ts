/**
 * cxkit core: page-wide settings (`<cx-config>`), the hub connection, localization and
 * design tokens that every widget shares. Importing it registers `<cx-config>`.
 */
import { CxConfig } from './config/cx-config.js';
import { defineElement } from './define-element.js';
import './i18n/builtin-catalogs.js';

defineElement('cx-config', CxConfig);

export { CxConfig };
export { defineElement };
export { ConfigController } from './config/config-controller.js';
export { cxSettingsContext, type CxSettings } from './config/settings.js';
export { HubClient, type HubClientOptions } from './hub/hub-client.js';
export { HubController, type HubControllerOptions } from './hub/hub-controller.js';
export { acquireConnection, type Lease } from './hub/registry.js';
export { backoffDelay, defaultBackoff, type BackoffOptions } from './hub/backoff.js';
export { newCommandId } from './hub/command-id.js';
export {
  visitorCredentials,
  demoAgentCredentials,
  fixedCredentials,
  type Credentials,
} from './hub/credentials.js';
export type {
  CommandFields,
  ConnectionStatus,
  HubConnection,
  HubConnectionSource,
  HubError,
  Principal,
  StreamListener,
  Subscription,
} from './hub/hub-connection.js';
export { LocalizeController } from './i18n/localize-controller.js';
export { registerTranslation, translate } from './i18n/catalogs.js';
export type { Catalog, MessageKey } from './i18n/en.js';
export { tokenStyles, controlStyles } from './styles/tokens.js';
export { formStyles } from './styles/form-styles.js';
