// The browser tests' (and bench:docs') Chromium: the one generation uses (@konaplate-contract/codegen's
// chromium.ts: Debian's Chromium or CHROMIUM_PATH, headless, nothing downloaded, nothing reaching out),
// whose one-line error here says the browser tests need it.

import { launchChromium as launch } from '@konaplate-contract/codegen';
import type { Browser } from 'playwright-core';

export { chromiumInstallCommand, defaultChromiumPath } from '@konaplate-contract/codegen';

/** Chromium for the browser tests; when it cannot start, one line naming the path, why, and the fix. */
export const launchChromium = (): Promise<Browser> => launch('is needed for the browser tests');
