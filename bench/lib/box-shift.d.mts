/** Page source defining `__boxSnapshot()` and `__boxShift(before, after?)` (see box-shift.mjs). */
export const BOX_SHIFT_PROBE: string;
/** Page source of a function describing moved elements, for reports. */
export const DESCRIBE_MOVED: string;
