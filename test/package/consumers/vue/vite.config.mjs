import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Vue's compiler must leave the rw- tags to the browser as custom elements.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('rw-') } } })],
});
