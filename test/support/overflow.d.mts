/** Every element and text run of the document (shadow roots included) that sticks out of the viewport sideways. */
export function sideways(): { scrollWidth: number; width: number; wide: string[] };
