/**
 * The honeypot: a `website` field people never see and form-filling bots fill in. A bot must learn
 * nothing from the answer, so it gets what a person would: the same validation first, then a `202`
 * whose id and token look real, the same answer again for a replayed Idempotency-Key, and a status
 * endpoint that says "pending" for its own token and 401 for any other.
 *
 * Nothing is stored: the id is derived from the key, and the token from the id, with a secret that
 * comes from the moderator token, so every instance of the service (and every restart) agrees.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PostedComment } from '../src/internal/contract.js';

/** Non-empty `website`. Any value other than a blank string is filled; objects are never stringified. */
export function isHoneypotFilled(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const website = (body as Record<string, unknown>).website;
  if (website === undefined || website === null || website === false) return false;
  return typeof website === 'string' ? website.trim() !== '' : true;
}

export class Honeypot {
  private secret: Buffer;

  constructor(moderatorToken: string) {
    this.secret = createHmac('sha256', 'reading-widget honeypot').update(moderatorToken).digest();
  }

  private mac(purpose: string, value: string) {
    return createHmac('sha256', this.secret).update(`${purpose}\0${value}`).digest();
  }

  /** Real ids are 16 random bytes and real tokens 32, both base64url: so are these. */
  answer(idempotencyKey: string): PostedComment {
    const id = this.mac('id', idempotencyKey).subarray(0, 16).toString('base64url');
    return { id, status: 'pending', token: this.mac('token', id).toString('base64url') };
  }

  /** Whether `token` is the one `answer()` gave out with this id. Constant time. */
  owns(id: string, token: string): boolean {
    const expected = Buffer.from(this.mac('token', id).toString('base64url'));
    const presented = Buffer.from(token);
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  }
}
