/**
 * Type declarations for frameworks, written from the manifest so that they never drift from the
 * elements: React 19 JSX (`React.JSX.IntrinsicElements`) and Vue 3 (`GlobalComponents`).
 * `HTMLElementTagNameMap` comes with the library's own declarations.
 */
import type { Element, Typed } from './manifest-model.js';

const PRIMITIVE = /^(string|number|boolean|undefined|null|'[^']*'|-?\d+(\.\d+)?)$/;

/** A type the declarations can write as is: literals and primitives. Anything else is `unknown`. */
function plain(type?: Typed['type']): string {
  if (!type?.text) return 'string';
  const parts = type.text.split('|').map((part) => part.trim());
  return parts.every((part) => PRIMITIVE.test(part)) ? parts.join(' | ') : 'unknown';
}

const quote = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const doc = (text?: string, indent = '    ') => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');

/** Type names an event type refers to (`CustomEvent<RwErrorDetail>` → `RwErrorDetail`). */
function referenced(elements: Element[], classes: boolean): string[] {
  const names = new Set<string>();
  for (const element of elements) {
    if (classes) names.add(element.className);
    for (const event of element.events) {
      for (const [name] of (event.type?.text ?? '').matchAll(/\b[A-Z]\w*/g)) if (name !== 'CustomEvent' && name !== 'Event') names.add(name);
    }
  }
  return [...names].sort();
}

const eventType = (event: Typed) => event.type?.text ?? 'CustomEvent';
const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The attributes and properties of one element, as members of an object type. */
function props(element: Element, indent: string): string {
  const rows = [
    ...element.attributes.map((a) => `${doc(a.description, indent)}${indent}${quote(a.name)}?: ${plain(a.type)};`),
    ...element.properties.map((p) => `${doc(p.description, indent)}${indent}${quote(p.name)}?: ${plain(p.type)};`),
  ];
  return rows.join('\n');
}

export function reactTypes(elements: Element[]): string {
  const blocks = elements.map((element) => {
    const events = element.events
      .map((event) => `${doc(event.description, '        ')}        ${quote(`on${event.name}`)}?: (event: ${eventType(event)}) => void;`)
      .join('\n');
    return `      ${quote(element.tag)}: React.DetailedHTMLProps<React.HTMLAttributes<${element.className}>, ${element.className}> & {\n${props(element, '        ')}\n${events}\n      };`;
  });
  return `// Generated from custom-elements.json by build/generate-framework-types.ts: do not edit.
// React 19 JSX types for the elements. Include once, e.g. \`import type {} from 'reading-widget/react';\`
import type * as React from 'react';
import type { ${referenced(elements, true).join(', ')} } from '../lib/index.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${blocks.join('\n')}
    }
  }
}
`;
}

export function vueTypes(elements: Element[]): string {
  const blocks = elements.map((element) => {
    const events = element.events
      .map((event) => `${doc(event.description, '      ')}      ${quote(camel(`on-${event.name}`))}?: (event: ${eventType(event)}) => void;`)
      .join('\n');
    return `    ${quote(element.tag)}: DefineComponent<{\n${props(element, '      ')}\n${events}\n    }>;`;
  });
  return `// Generated from custom-elements.json by build/generate-framework-types.ts: do not edit.
// Vue 3 template types for the elements. Include once, e.g. \`import type {} from 'reading-widget/vue';\`
import type { DefineComponent } from 'vue';
import type { ${referenced(elements, false).join(', ')} } from '../lib/index.js';

declare module 'vue' {
  interface GlobalComponents {
${blocks.join('\n')}
  }
}
`;
}
