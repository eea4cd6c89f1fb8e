// A React 19 app as the README shows it: the JSX types from 'reading-widget/react', the elements
// registered by 'reading-widget/define'.
import { createRoot } from 'react-dom/client';
import type {} from 'reading-widget/react';
import 'reading-widget/define';
import { getScale } from 'reading-widget';

function App() {
  return (
    <main>
      <rw-article theme="light" format-date onrw-error={(event) => console.error(event.detail.code, event.detail.message)}>
        <h1 slot="headline">A headline</h1>
        <span slot="byline">A. Writer</span>
        <time slot="date" dateTime="2026-01-02">2 January 2026</time>
        <p>The body of the article.</p>
      </rw-article>
      <rw-text-size onrw-text-size-change={(event) => (document.body.dataset.scale = String(event.detail.scale))} />
      <rw-comment-count thread="t1" endpoint="/api" />
      <output id="scale">{getScale()}</output>
    </main>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
