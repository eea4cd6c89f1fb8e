// A Vue 3 app: single-file components with the rw- elements, registered by 'reading-widget/define'.
import { createApp } from 'vue';
import 'reading-widget/define';
import App from './App.vue';

createApp(App).mount('#app');
