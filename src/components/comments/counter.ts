import { LIMITS } from '../../internal/contract.js';
import { length } from './validate.js';

/** The visible counter appears from this many characters left. */
export const SHOWN_FROM = 500;

export const charsLeft = (text: string) => LIMITS.text - length(text);

/**
 * 3: far from the limit, 2: 500 or fewer left, 1: 100 or fewer, 0: none. The screen reader hears
 * the count only when the band goes down, never on every keystroke; the visible counter always
 * shows the exact count.
 */
export const band = (left: number) => (left < 1 ? 0 : left <= 100 ? 1 : left <= SHOWN_FROM ? 2 : 3);
