import { declarations } from './walk.mjs';

/**
 * Keeps only what a user of an element may touch. Dropped: private, protected and `#` members,
 * names starting with `_`, `@internal`, static members, Lit's internal reactive state
 * (`{ state: true }` in `static properties` or `@state()`), and fields neither reactive nor
 * documented (controllers, internals). Attributes of dropped fields go too.
 */
export function publicOnly() {
  /** class name -> names declared `{ state: true }` */
  const stateOf = new Map();
  /** class name -> names in `static properties` that are not state */
  const reactiveOf = new Map();
  return {
    name: 'rw-public-only',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const state = new Set();
      const reactive = new Set();
      for (const member of node.members) {
        const name = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
        const decorators = ts.canHaveDecorators?.(member) ? (ts.getDecorators(member) ?? []) : [];
        if (name && decorators.some((d) => /^state\b|^internalProperty\b/.test(d.expression.getText()))) state.add(name);
        if (name !== 'properties' || !ts.isPropertyDeclaration(member) || !member.initializer) continue;
        if (!ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const prop of member.initializer.properties) {
          if (!ts.isPropertyAssignment(prop)) continue;
          const key = prop.name.getText().replace(/^['"]|['"]$/g, '');
          const isState =
            ts.isObjectLiteralExpression(prop.initializer) &&
            prop.initializer.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'state' && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
          (isState ? state : reactive).add(key);
        }
      }
      stateOf.set(node.name.text, state);
      reactiveOf.set(node.name.text, reactive);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { declaration } of declarations(customElementsManifest)) {
        if (declaration.kind !== 'class') continue;
        // An inherited member is judged by the class that declares it (a shared base element).
        const owner = (member) => member.inheritedFrom?.name ?? declaration.name;
        const isState = (member) => stateOf.get(owner(member))?.has(member.name) ?? false;
        const isReactive = (member) => reactiveOf.get(owner(member))?.has(member.name) ?? false;
        const hidden = (member) =>
          member.privacy === 'private' ||
          member.privacy === 'protected' ||
          member.name.startsWith('#') ||
          member.name.startsWith('_') ||
          member.static ||
          isState(member) ||
          /@internal\b/.test(member.description ?? '') ||
          (member.kind === 'field' && !isReactive(member) && !member.attribute && !member.description) ||
          (member.kind === 'method' && !member.description);
        const dropped = new Set((declaration.members ?? []).filter(hidden).map((member) => member.name));
        if (declaration.members) declaration.members = declaration.members.filter((member) => !dropped.has(member.name));
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter((attribute) => !attribute.fieldName || !dropped.has(attribute.fieldName));
        }
        // A base class without a tag (src/internal/rw-element.ts) is no element anyone can use;
        // its members reach the elements as inherited ones.
        if (declaration.customElement && !declaration.tagName) delete declaration.customElement;
      }
    },
  };
}
