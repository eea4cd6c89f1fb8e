import { declarations } from './walk.mjs';

/**
 * Gives every event its type from the event maps the source declares for TypeScript
 * (`interface GlobalEventHandlersEventMap { 'rw-error': CustomEvent<RwErrorDetail> }`, or any
 * other interface named `…EventMap`), so that a `@fires` without a type is typed all the same.
 */
export function typedEvents() {
  const typeOf = new Map();
  return {
    name: 'rw-typed-events',
    analyzePhase({ ts, node }) {
      if (!ts.isInterfaceDeclaration(node) || !/EventMap$/.test(node.name.text)) return;
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type || !ts.isStringLiteral(member.name)) continue;
        typeOf.set(member.name.text, member.type.getText());
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { declaration } of declarations(customElementsManifest)) {
        for (const event of declaration.events ?? []) {
          const known = typeOf.get(event.name);
          if (known && !event.type?.text) event.type = { text: known };
        }
      }
    },
  };
}
