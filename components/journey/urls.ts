/** Query parameters that often carry secrets; a page adds more with `strip-params`. */
export const defaultStripParams = ['token', 'email', 'password', 'session', 'auth', 'code'];

/**
 * Resolves `value` against the page and removes the named query parameters
 * (case-insensitive) and the fragment. What is no URL at all comes back unchanged.
 */
export function stripUrl(value: string, params: readonly string[]): string {
  try {
    const url = new URL(value, location.href);
    for (const name of [...url.searchParams.keys()]) {
      if (params.includes(name.toLowerCase())) url.searchParams.delete(name);
    }
    url.hash = '';
    return url.href;
  } catch {
    return value;
  }
}

/** The page URL without its fragment: what tells one page from another. */
export const pageAddress = () => location.href.split('#')[0];
