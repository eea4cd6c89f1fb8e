import type { ReactiveControllerHost } from 'lit';
import type { LocaleController } from '../../locale-controller.js';

/** What the controllers of `<rw-comments>` need from their element, so none of them imports it. */
export interface CommentsHost extends ReactiveControllerHost, HTMLElement {
  thread: string;
  endpoint: string;
  readonly locale: LocaleController;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The rendered comment with this id. Ids come from the service: they are compared as strings and
 * never put into a selector, where an id such as `x"]` would throw a SyntaxError.
 */
export function commentElement(root: ParentNode, id: string | undefined): HTMLElement | null {
  if (id === undefined) return null;
  for (const article of root.querySelectorAll<HTMLElement>('article[data-id]')) if (article.dataset.id === id) return article;
  return null;
}
