// Plain TypeScript: the classes and helpers from 'reading-widget' (which registers nothing), the
// elements from 'reading-widget/define', typed through HTMLElementTagNameMap.
import { RwArticle, RwTextSize, SCALE_STEPS, getScale, setScale, type RwErrorDetail } from 'reading-widget';
import 'reading-widget/define';

const article: RwArticle = document.createElement('rw-article');
article.theme = 'dark';
// @ts-expect-error: 'purple' is not a theme
article.theme = 'purple';
article.addEventListener('rw-error', (event) => {
  const detail: RwErrorDetail = event.detail;
  console.error(detail.code);
});
const size: RwTextSize = document.createElement('rw-text-size');
size.addEventListener('rw-text-size-change', (event) => console.log(event.detail.scale.toFixed(3)));
setScale(SCALE_STEPS[2]);
document.body.append(article, size, String(getScale()));
