// Renders images/icon.svg to images/icon.png (128×128) with headless Chromium: the Marketplace wants a PNG.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const images = join(dirname(fileURLToPath(import.meta.url)), "../images");
const svg = readFileSync(join(images, "icon.svg"), "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<body style="margin:0;background:transparent">${svg}</body>`);
  await page.locator("svg").screenshot({ path: join(images, "icon.png"), omitBackground: true });
} finally {
  await browser.close();
}
