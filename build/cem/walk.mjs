/** Every declaration of every module in a manifest, with its module. */
export function* declarations(manifest) {
  for (const module of manifest.modules ?? []) for (const declaration of module.declarations ?? []) yield { module, declaration };
}

/** Every `{ text }` type object anywhere in a manifest node. */
export function* types(node) {
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' && value && typeof value.text === 'string') yield value;
    else yield* types(value);
  }
}
