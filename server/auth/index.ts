export {
  signToken,
  verifyToken,
  agentTokenSeconds,
  visitorTokenSeconds,
  type TokenPayload,
  type TokenRole,
} from './tokens.js';
export { verifySiteToken } from './site-tokens.js';
export { loadTokenSecret } from './secret.js';
export { authorizeSite, isOriginAllowed, isOriginKnown } from './site-access.js';
export { customerIdOf, principalFromToken, principalKey, type Principal } from './principal.js';
export { tokenRoutes, demoAgent } from './routes.js';
