/**
 * Registers a custom element once. A page that loads the script twice, or a host that already
 * registered our class under the same name, must not get a `NotSupportedError` thrown at it; a
 * DIFFERENT class under our name is worth a warning, since our markup will not upgrade as documented.
 */
export function define(name: string, ctor: CustomElementConstructor): void {
  const held = customElements.get(name);
  if (!held) customElements.define(name, ctor);
  else if (held !== ctor) console.warn(`<${name}> is already defined by another class; reading-widget did not register its own.`);
}
