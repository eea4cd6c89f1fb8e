import { types } from './walk.mjs';

/**
 * Writes a type alias of literals as its values (`Theme` becomes `'light' | 'dark' | 'auto'`), so
 * that the manifest, the editor data and the framework types show what may be written. Attribute
 * types lose `| undefined` (an absent attribute is not a value).
 */
export function resolveAliases() {
  const aliases = new Map();
  const literal = (ts, type) =>
    ts.isLiteralTypeNode(type) ||
    type.kind === ts.SyntaxKind.StringKeyword ||
    type.kind === ts.SyntaxKind.NumberKeyword ||
    type.kind === ts.SyntaxKind.BooleanKeyword;
  return {
    name: 'rw-resolve-aliases',
    analyzePhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node) || node.typeParameters) return;
      const parts = ts.isUnionTypeNode(node.type) ? node.type.types : [node.type];
      if (parts.every((part) => literal(ts, part))) aliases.set(node.name.text, parts.map((part) => part.getText()).join(' | '));
    },
    packageLinkPhase({ customElementsManifest }) {
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
