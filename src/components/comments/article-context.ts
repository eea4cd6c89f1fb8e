import { LIMITS } from '../../internal/contract.js';

/**
 * The article a comment belongs to, sent with each post so the moderation queue can show its
 * title and link: the publisher's `article-title` / `article-url` attributes, else the page's
 * title and canonical URL. An address the service would refuse (not http(s), too long) is left out.
 */
export function articleContext(host: { articleTitle?: string; articleUrl?: string }, doc: Document = document) {
  const title = (host.articleTitle || doc.title || '').trim();
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
  let url = (host.articleUrl || canonical || doc.location?.href || '').trim();
  try {
    const parsed = new URL(url, doc.baseURI);
    parsed.hash = '';
    url = /^https?:$/.test(parsed.protocol) && parsed.href.length <= LIMITS.articleUrl ? parsed.href : '';
  } catch {
    url = '';
  }
  const context: { articleTitle?: string; articleUrl?: string } = {};
  if (title) context.articleTitle = [...title].slice(0, LIMITS.articleTitle).join('');
  if (url) context.articleUrl = url;
  return context;
}
