/** Longest address SMTP allows (RFC 5321 path limit less the brackets). */
export const maxEmailLength = 254;

// One "@", a dot in the domain, nothing that could split or fold a header.
const emailPattern = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\]+$/;

/** True for a plausible single mailbox address (`name@example.com`). */
export function isEmailAddress(value: string): boolean {
  return value.length <= maxEmailLength && emailPattern.test(value);
}
