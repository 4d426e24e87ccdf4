/**
 * Registers a custom element once. A storefront may load a cxkit script twice (two
 * bundles, a tag manager and a hard-coded tag); a second `customElements.define`
 * would throw and stop the page's script, so an existing definition wins.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (customElements.get(tag) === undefined) customElements.define(tag, ctor);
}
