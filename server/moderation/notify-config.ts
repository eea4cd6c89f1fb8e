/** The notification settings, checked at start with the rest of the configuration (server/config.ts). */
import { isEmail } from '../../src/internal/contract.js';

export interface NotifyConfig {
  webhookUrl: string | null;
  smtpUrl: string | null;
  moderatorEmails: string[];
  mailFrom: string | null;
  digestMinutes: number;
  /** The page holding `<rw-moderation>`; digest items link to `#comment=ID` on it. */
  moderationUrl: string | null;
}

function url(problems: string[], name: string, raw: string | undefined, protocols: RegExp, example: string): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  let ok = false;
  try {
    ok = protocols.test(new URL(value).protocol);
  } catch {
    /* reported below */
  }
  // May hold a password (SMTP): never echo it.
  if (!ok) problems.push(`${name} must be a URL like ${example}.`);
  return value;
}

export function readNotifyConfig(env: NodeJS.ProcessEnv, problems: string[]): NotifyConfig {
  const emails = (env.MODERATOR_EMAILS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const e of emails) if (!isEmail(e)) problems.push(`MODERATOR_EMAILS: "${e}" is not an email address.`);
  const rawMinutes = env.DIGEST_MINUTES?.trim() || '15';
  const digestMinutes = /^\d{1,4}$/.test(rawMinutes) ? Number(rawMinutes) : NaN;
  if (!(digestMinutes >= 1 && digestMinutes <= 1440)) problems.push(`DIGEST_MINUTES must be a whole number from 1 to 1440 (got "${rawMinutes}").`);
  const config: NotifyConfig = {
    webhookUrl: url(problems, 'MODERATION_WEBHOOK_URL', env.MODERATION_WEBHOOK_URL, /^https?:$/, 'https://hooks.example/moderation'),
    smtpUrl: url(problems, 'SMTP_URL', env.SMTP_URL, /^smtps?:$/, 'smtp://user:password@mail.example:587'),
    moderatorEmails: emails,
    mailFrom: env.MAIL_FROM?.trim() || null,
    digestMinutes: Number.isNaN(digestMinutes) ? 15 : digestMinutes,
    moderationUrl: url(problems, 'MODERATION_URL', env.MODERATION_URL, /^https?:$/, 'https://news.example/moderate'),
  };
  if (config.smtpUrl) {
    if (!config.mailFrom) problems.push('MAIL_FROM is required with SMTP_URL: the sender of the digest, e.g. "Comments <comments@news.example>".');
    if (!config.moderationUrl) problems.push('MODERATION_URL is required with SMTP_URL: the page of the moderation queue the digest links to.');
  } else if (emails.length) problems.push('MODERATOR_EMAILS is set but SMTP_URL is not: no digest could be sent.');
  return config;
}
