// What Vue's GlobalComponents types must reject and accept; `tsc` fails on any unused @ts-expect-error.
import type { GlobalComponents } from 'vue';
import type {} from 'reading-widget/vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const article: Props<'rw-article'> = { theme: 'dark', variant: 'teaser', onRwError: (event) => event.detail.code };
export const comments: Props<'rw-comments'> = { thread: 't', endpoint: '/api', sort: 'oldest' };
export const size: Props<'rw-text-size'> = { onRwTextSizeChange: (event) => event.detail.scale.toFixed() };
export const tags: (keyof GlobalComponents)[] = ['rw-article', 'rw-text-size', 'rw-comments', 'rw-comment-count', 'rw-moderation'];
// @ts-expect-error: 'purple' is not a theme
export const purple: Props<'rw-article'> = { theme: 'purple' };
// @ts-expect-error: the detail of rw-text-size-change has no `missing`
export const wrongDetail: Props<'rw-text-size'> = { onRwTextSizeChange: (event) => event.detail.missing };
