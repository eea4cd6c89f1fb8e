// What the JSX types must reject and accept; `tsc` fails on any unused @ts-expect-error.
import type {} from 'reading-widget/react';

export const accepted = (
  <>
    <rw-article theme="dark" variant="teaser" href="/a" heading-level={3} no-text-size />
    <rw-text-size theme="auto" lang="tr" />
    <rw-comments thread="t" endpoint="/api" sort="oldest" loading="eager" page-size={10} onrw-comment-submit={(event) => event.detail.thread} />
    <rw-comment-count thread="t" endpoint="/api" />
    <rw-moderation endpoint="/api" theme="light" />
  </>
);

// @ts-expect-error: 'purple' is not a theme
export const purple = <rw-article theme="purple" />;
// @ts-expect-error: not a sort order
export const sideways = <rw-comments thread="t" endpoint="/api" sort="sideways" />;
// @ts-expect-error: not a variant
export const big = <rw-article variant="big" />;
// @ts-expect-error: the detail of rw-text-size-change is { scale: number }
export const wrongDetail = <rw-text-size onrw-text-size-change={(event) => event.detail.missing} />;
// @ts-expect-error: the detail of rw-error has a string code
export const codeIsString = <rw-article onrw-error={(event) => event.detail.code.toFixed()} />;
