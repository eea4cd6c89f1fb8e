/**
 * The elements of custom-elements.json in the shape the generators need: one entry per tag with
 * its attributes, properties, events, slots, parts and custom properties.
 */
export interface Typed {
  name: string;
  description?: string;
  type?: { text: string };
}
interface Declaration {
  kind: string;
  name: string;
  customElement?: boolean;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: (Typed & { fieldName?: string })[];
  members?: (Typed & { kind: string; attribute?: string })[];
  events?: Typed[];
  slots?: Typed[];
  cssParts?: Typed[];
  cssProperties?: Typed[];
}
export interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

export interface Element {
  tag: string;
  className: string;
  summary: string;
  description: string;
  attributes: Typed[];
  /** Public fields that are not written as an attribute (set as properties). */
  properties: Typed[];
  events: Typed[];
  slots: Typed[];
  cssParts: Typed[];
  cssProperties: Typed[];
}

export function elementsOf(manifest: Manifest): Element[] {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => {
      const attributeFields = new Set((d.attributes ?? []).map((a) => a.fieldName));
      return {
        tag: d.tagName!,
        className: d.name,
        summary: d.summary ?? '',
        description: d.description ?? '',
        attributes: d.attributes ?? [],
        properties: (d.members ?? []).filter((m) => m.kind === 'field' && !attributeFields.has(m.name)),
        events: d.events ?? [],
        slots: d.slots ?? [],
        cssParts: d.cssParts ?? [],
        cssProperties: d.cssProperties ?? [],
      };
    })
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

/** The values of a union of string literals (`'light' | 'dark'`), or null for any other type. */
export function literalValues(type?: string): string[] | null {
  if (!type) return null;
  const parts = type.split('|').map((part) => part.trim());
  return parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((part) => part.slice(1, -1)) : null;
}
