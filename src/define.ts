/**
 * Registers a custom element once. A page that loads the script twice, or a host that already
 * registered our class under the same name, must not get a `NotSupportedError` thrown at it.
 */
export function define(name: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, ctor);
}
