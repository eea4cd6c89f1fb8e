/**
 * A comment's text cut into plain pieces and watch-word pieces, rendered as text inside `<mark>`
 * (never as HTML). Matching is case-insensitive, on whole words, as the service's.
 */
export function markWords(text: string, words: string[]): { text: string; mark: boolean }[] {
  if (!words.length) return [{ text, mark: false }];
  const escaped = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const pieces: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) pieces.push({ text: text.slice(at, match.index), mark: false });
    pieces.push({ text: match[0], mark: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}
