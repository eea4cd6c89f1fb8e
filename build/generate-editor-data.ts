/**
 * Editor data written from the manifest: VS Code's HTML and CSS custom data (completion and hover
 * for tags, attributes, values and `--rw-*` properties) and JetBrains' web-types.json.
 */
import { literalValues, type Element } from './manifest-model.js';

const describe = (element: Element) => [element.summary, element.description].filter(Boolean).join('\n\n');

export function vscodeHtml(elements: Element[]) {
  return {
    version: 1.1,
    tags: elements.map((element) => ({
      name: element.tag,
      description: describe(element),
      attributes: element.attributes.map((attribute) => {
        const values = literalValues(attribute.type?.text);
        return {
          name: attribute.name,
          description: attribute.description ?? '',
          ...(values ? { values: values.map((name) => ({ name })) } : attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        };
      }),
    })),
  };
}

function partsOf(elements: Element[]): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  for (const element of elements) {
    for (const part of element.cssParts) parts.set(part.name, [...(parts.get(part.name) ?? []), `<${element.tag}>: ${part.description ?? ''}`]);
  }
  return parts;
}

export function vscodeCss(elements: Element[]) {
  const seen = new Map<string, string>();
  for (const element of elements) for (const property of element.cssProperties) if (!seen.has(property.name)) seen.set(property.name, property.description ?? '');
  return {
    version: 1.1,
    properties: [...seen].map(([name, description]) => ({ name, description })),
    // `::part()` of every element, offered after `::` with the elements that have the part.
    pseudoElements: [...partsOf(elements)].map(([name, tags]) => ({ name: `::part(${name})`, description: tags.join('\n') })),
  };
}

export function webTypes(elements: Element[], name: string, version: string) {
  return {
    name,
    version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((element) => ({
          name: element.tag,
          description: describe(element),
          attributes: element.attributes.map((attribute) => {
            const values = literalValues(attribute.type?.text);
            const type = attribute.type?.text ?? 'string';
            return {
              name: attribute.name,
              description: attribute.description ?? '',
              value: values ? { type: values.map((v) => `'${v}'`).join(' | ') } : { type, required: type !== 'boolean' },
            };
          }),
          events: element.events.map((event) => ({ name: event.name, description: event.description ?? '' })),
          slots: element.slots.map((slot) => ({ name: slot.name, description: slot.description ?? '' })),
          js: {
            properties: element.properties.map((p) => ({ name: p.name, description: p.description ?? '', value: { type: p.type?.text ?? 'unknown' } })),
            events: element.events.map((event) => ({ name: event.name, description: event.description ?? '' })),
          },
          css: {
            properties: element.cssProperties.map((p) => ({ name: p.name, description: p.description ?? '' })),
            parts: element.cssParts.map((p) => ({ name: p.name, description: p.description ?? '' })),
          },
        })),
      },
    },
  };
}
