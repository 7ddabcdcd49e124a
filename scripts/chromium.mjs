// One place for how this project starts Chromium: Debian's build (CHROME_PATH overrides), as root,
// on a machine with no network beyond the package registries.
export const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
