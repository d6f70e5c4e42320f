import type { Page } from '@playwright/test';

/** One Content-Security-Policy violation, as the browser reported it. */
export interface Violation {
  where: string;
  directive: string;
  blocked: string;
  sample: string;
}

const MARK = '[csp-violation]';

/**
 * Reports every `securitypolicyviolation` from the page's first script on, and from the first
 * line of each worker script — a worker's own code runs before a test could attach a listener,
 * so the worker scripts are served with one listener prepended (their headers, CSP included,
 * unchanged). Use with service workers blocked, so every script request reaches the route.
 * Returns a function that gives the violations seen so far.
 */
export async function watchCspViolations(page: Page): Promise<() => Violation[]> {
  const seen: Violation[] = [];
  const listener = (where: string) =>
    `self.addEventListener('securitypolicyviolation', (e) => console.error(${JSON.stringify(MARK)} + JSON.stringify({ where: ${JSON.stringify(where)}, directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample })));\n`;
  await page.addInitScript({ content: listener('page') });
  await page.route(/\/assets\/.*worker.*\.js$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: listener('worker') + (await response.text()) });
  });
  const record = (text: string) => {
    if (text.startsWith(MARK)) seen.push(JSON.parse(text.slice(MARK.length)) as Violation);
    // The browser's own refusal messages, in case an event was missed.
    else if (/violates the following Content Security Policy|Refused to .*Content Security Policy/i.test(text))
      seen.push({ where: 'console', directive: '', blocked: '', sample: text });
  };
  page.on('console', (message) => record(message.text()));
  return () => [...seen];
}
