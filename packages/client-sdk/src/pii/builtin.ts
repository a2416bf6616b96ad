import { creditCardScrubber } from './credit-card.ts';
import { dateOfBirthScrubber } from './date-of-birth.ts';
import { emailScrubber } from './email.ts';
import { ibanScrubber } from './iban.ts';
import { ipAddressScrubber } from './ip-address.ts';
import { personScrubber } from './person.ts';
import { phoneScrubber } from './phone.ts';
import { contextSecretScrubber, entropySecretScrubber, structuredSecretScrubber } from './secret.ts';
import { ssnScrubber } from './ssn.ts';
import { streetAddressScrubber } from './street-address.ts';
import type { Scrubber } from './types.ts';

/** The built-in scrubbers, most specific first. */
export const BUILTIN_SCRUBBERS: readonly Scrubber[] = [
  structuredSecretScrubber,
  ibanScrubber,
  creditCardScrubber,
  emailScrubber,
  ssnScrubber,
  ipAddressScrubber,
  dateOfBirthScrubber,
  contextSecretScrubber,
  streetAddressScrubber,
  phoneScrubber,
  personScrubber,
  entropySecretScrubber,
];
