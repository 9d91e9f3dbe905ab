/**
 * Screenshots for a person to look at:
 * `node scripts/shot.ts <url> <out.png> [width] [css selector to scroll to]`.
 */
import { launchChromium } from './browser.ts';
const [url, out, width = '390', selector] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url);
if (selector) await page.locator(selector).first().scrollIntoViewIfNeeded();
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
console.log(`${out}: horizontal overflow ${overflow}px`);
await browser.close();
