/**
 * Importing this module adds the full English and Korean catalogs. Each widget imports it
 * where its full UI loads (the chat panel, the agent desk), so a storefront's eager code
 * carries only the launchers' strings.
 */
import { addBuiltInCatalog } from './catalogs.js';
import { en } from './en.js';
import { ko } from './ko.js';

addBuiltInCatalog('en', en);
addBuiltInCatalog('ko', ko);
