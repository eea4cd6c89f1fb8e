/** Only web addresses become links or images: no `javascript:`, no `data:`. */
export const safeUrl = (url: unknown, base = document.baseURI): string | undefined => {
  try {
    const parsed = new URL(String(url), base);
    return url && /^https?:$/.test(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
};
