// Placeholder: replaced by the plugin that starts the real comments service.
export function commentsServerPlugin() {
  return { name: 'comments-server' };
}
