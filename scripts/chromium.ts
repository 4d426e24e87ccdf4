// How every test and benchmark starts Debian's Chromium (never a browser a tool downloads):
// as root it needs --no-sandbox, and this machine's closed network wants the background
// services off.
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
