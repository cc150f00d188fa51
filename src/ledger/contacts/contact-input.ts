// Validation of contact input (pure). Channel consent and do-not-contact drive the communication
// guardrails later, so they are checked strictly here.
import type { ContactChannels, ContactRole } from '../../platform/db/schema';
import { FieldChecks } from '../reference/field-checks';
import type { ContactValues } from './contact-queries';

export const CONTACT_ROLES: readonly ContactRole[] = [
  'finance',
  'purchasing',
  'owner',
  'legal_rep',
  'guarantor',
  'sales',
  'other',
];
const CHANNELS = ['email', 'sms', 'phone', 'letter'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HOURS = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

export type ContactInput = { [K in keyof ContactValues]?: unknown };

/** Checks a create (every required field) or a patch (only the fields given). */
export function checkContactInput(
  input: ContactInput,
  mode: 'create' | 'update',
  currentChannels?: ContactChannels,
): ContactValues {
  const checks = new FieldChecks();
  const out: ContactValues = {};
  if (mode === 'create' || input.name !== undefined) out.name = checks.required('name', input.name, 200);
  if (input.role !== undefined) {
    if (CONTACT_ROLES.includes(input.role as ContactRole)) out.role = input.role as ContactRole;
    else checks.add('role', input.role, `must be one of ${CONTACT_ROLES.join(', ')}`);
  }
  out.title = checks.optional('title', input.title, 100);
  out.phone = checks.optional('phone', input.phone, 50);
  out.mobile = checks.optional('mobile', input.mobile, 50);
  out.wechat = checks.optional('wechat', input.wechat, 100);
  out.email = checks.optional('email', input.email, 200);
  if (out.email && !EMAIL.test(out.email)) checks.add('email', input.email, 'is not an email address');
  out.language = checks.optional('language', input.language, 35);
  if (out.language) checks.language('language', out.language);
  out.preferredHours = checks.optional('preferredHours', input.preferredHours, 11);
  if (out.preferredHours) {
    const match = HOURS.exec(out.preferredHours);
    if (
      !match ||
      `${match[3]}:${match[4]}` > '24:00' ||
      `${match[1]}:${match[2]}` >= `${match[3]}:${match[4]}`
    ) {
      checks.add('preferredHours', input.preferredHours, 'must be a time range such as 09:00-18:00');
    }
  }
  out.doNotContact = checks.boolean('doNotContact', input.doNotContact);
  out.isPrimary = checks.boolean('isPrimary', input.isPrimary);
  if (input.channels !== undefined) {
    const given = input.channels;
    if (given === null || typeof given !== 'object' || Array.isArray(given)) {
      checks.add('channels', JSON.stringify(given), 'must be an object such as {"sms": false}');
    } else {
      // A patch of channels changes only the channels it names.
      const merged: ContactChannels = {
        email: true,
        sms: true,
        phone: true,
        letter: true,
        ...currentChannels,
      };
      for (const [key, value] of Object.entries(given)) {
        if (!CHANNELS.includes(key as (typeof CHANNELS)[number])) {
          checks.add(`channels/${key}`, String(value), `unknown channel; use ${CHANNELS.join(', ')}`);
        } else if (typeof value !== 'boolean') {
          checks.add(`channels/${key}`, String(value), 'must be true or false');
        } else {
          merged[key as (typeof CHANNELS)[number]] = value;
        }
      }
      out.channels = merged;
    }
  }
  checks.throwIfAny('contact');
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ContactValues;
}
