const consentKey = 'cxkit:journey-consent';

type Choice = 'granted' | 'revoked' | null;

/** The visitor's stored choice, or null when they never chose. */
export function storedConsent(): Choice {
  try {
    return localStorage.getItem(consentKey) as Choice;
  } catch {
    return null; // Storage blocked: no choice was kept.
  }
}

export function storeConsent(choice: 'granted' | 'revoked'): void {
  try {
    localStorage.setItem(consentKey, choice);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
}

/**
 * Whether recording is allowed: never under Global Privacy Control, never after a
 * revoke, and only after a grant when the site requires consent.
 */
export function mayRecord(consentRequired: boolean): boolean {
  if ((navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true) return false;
  const choice = storedConsent();
  return choice === 'granted' || (!consentRequired && choice !== 'revoked');
}
