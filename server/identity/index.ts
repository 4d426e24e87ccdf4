/** Verified customers: identity tokens from the storefront's backend, and visitor ↔ customer links. */
export { verifyIdentityToken, type VerifiedIdentity } from './verify.js';
export { checkIdentity, withCustomer } from './session.js';
export { demoIdentityRoutes } from './demo-route.js';
export { linkVisitor, findLink, visitorsOfCustomer, type CustomerLink } from './links.js';
