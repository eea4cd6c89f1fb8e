// A Vue 3 app: custom elements rendered by Vue, registered by 'reading-widget/define'.
import { createApp, h } from 'vue';
import type {} from 'reading-widget/vue';
import 'reading-widget/define';

createApp({
  render: () =>
    h('rw-article', { theme: 'dark', onRwError: (event: CustomEvent) => console.error(event.detail) }, [
      h('h1', { slot: 'headline' }, 'A headline'),
      h('p', 'The body of the article.'),
    ]),
}).mount('#app');
