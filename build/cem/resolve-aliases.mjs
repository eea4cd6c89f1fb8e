import { types } from './walk.mjs';

/**
 * Writes a type alias of literals as its values (`Theme` becomes `'light' | 'dark' | 'auto'`), so
 * that the manifest, the editor data and the framework types show what may be written. Attribute
 * types lose `| undefined` (an absent attribute is not a value).
 */
export function resolveAliases() {
  const aliases = new Map();
  // The contract spells its unions as `const SORTS = ['oldest', 'newest'] as const` and
  // `type Sort = (typeof SORTS)[number]`: the arrays' values, and the aliases that index them.
  const arrays = new Map();
  const indexed = new Map();
  const literal = (ts, type) =>
    ts.isLiteralTypeNode(type) ||
    type.kind === ts.SyntaxKind.StringKeyword ||
    type.kind === ts.SyntaxKind.NumberKeyword ||
    type.kind === ts.SyntaxKind.BooleanKeyword;
  return {
    name: 'rw-resolve-aliases',
    analyzePhase({ ts, node }) {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isAsExpression(node.initializer)) {
        const list = node.initializer.expression;
        if (ts.isArrayLiteralExpression(list) && list.elements.every((e) => ts.isStringLiteral(e))) {
          arrays.set(node.name.text, list.elements.map((e) => `'${e.text}'`).join(' | '));
        }
        return;
      }
      if (!ts.isTypeAliasDeclaration(node) || node.typeParameters) return;
      let access = node.type;
      if (ts.isIndexedAccessTypeNode(access)) {
        let object = access.objectType;
        while (ts.isParenthesizedTypeNode(object)) object = object.type;
        if (ts.isTypeQueryNode(object) && access.indexType.kind === ts.SyntaxKind.NumberKeyword) indexed.set(node.name.text, object.exprName.getText());
        return;
      }
      const parts = ts.isUnionTypeNode(node.type) ? node.type.types : [node.type];
      if (parts.every((part) => literal(ts, part))) aliases.set(node.name.text, parts.map((part) => part.getText()).join(' | '));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const [name, array] of indexed) if (arrays.has(array)) aliases.set(name, arrays.get(array));
      if (!aliases.size) return;
      const names = new RegExp(`(?<![\\w'.])(${[...aliases.keys()].join('|')})(?![\\w'])`, 'g');
      for (const type of types(customElementsManifest)) type.text = type.text.replace(names, (name) => aliases.get(name));
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const attribute of declaration.attributes ?? []) {
            if (attribute.type) attribute.type.text = attribute.type.text.replace(/\s*\|\s*undefined\b/g, '');
          }
        }
      }
    },
  };
}
