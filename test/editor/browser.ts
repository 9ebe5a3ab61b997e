/**
 * Debian's Chromium driven by playwright-core (its own browser download cannot be fetched here),
 * with every console error, page error, failed icon and off-machine request recorded.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

import {
	chromium,
	selectors,
	type BrowserContext,
	type ConsoleMessage,
	type Page,
} from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Installs Debian's chromium package when it is missing (CI runs as root). */
export function ensureChromium(): void {
	if (existsSync(CHROMIUM)) return;
	if (process.getuid?.() !== 0) {
		throw new Error(
			`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium) or run as root`,
		);
	}
	process.stdout.write(`${CHROMIUM} is missing: installing Debian's chromium package\n`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [
		['-o', 'DPkg::Lock::Timeout=600', 'update', '-qq'],
		['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '-qq', 'chromium'],
	]) {
		const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
		if (result.status !== 0)
			throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status})`);
	}
	if (!existsSync(CHROMIUM))
		throw new Error(`apt-get installed chromium, but ${CHROMIUM} is still missing`);
}

/**
 * Console errors the check accepts, each with the reason. Everything else a page logs as an
 * error, and every page error, fails the check.
 */
const ALLOWED_CONSOLE_ERRORS: Array<{
	why: string;
	matches: (text: string, url: string) => boolean;
}> = [
	{
		// Before signing in, the editor asks GET /rest/login whether a session exists; 401 is "no".
		why: 'session probe before sign-in',
		matches: (text, url) =>
			/status of 401/.test(text) && new URL(url, 'http://x').pathname === '/rest/login',
	},
	{
		// The node details panel of a community node fetches the package's metadata from the public
		// npm registry, from the browser (no n8n setting turns it off). The check blocks every
		// request that would leave the machine, so those show as failed loads.
		why: 'off-machine request blocked by the check',
		matches: (text, url) => /Failed to load resource/.test(text) && url !== '' && !isLoopback(url),
	},
];

export function isLoopback(url: string): boolean {
	try {
		const { protocol, hostname } = new URL(url);
		if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
		return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
	} catch {
		return true;
	}
}

export interface Problem {
	step: string;
	what: string;
}

export class Browser {
	readonly problems: Problem[] = [];
	readonly blocked = new Set<string>();
	readonly allowed: string[] = [];
	step = 'start';

	private constructor(
		readonly context: BrowserContext,
		readonly page: Page,
	) {}

	static async launch(): Promise<Browser> {
		ensureChromium();
		selectors.setTestIdAttribute('data-test-id');
		const context = await chromium.launchPersistentContext(
			mkdtempSync(path.join(tmpdir(), 'nmbrs-editor-chromium-')),
			{
				executablePath: CHROMIUM,
				headless: true,
				args: [
					'--no-sandbox',
					'--disable-gpu',
					'--disable-quic',
					'--no-first-run',
					'--disable-background-networking',
					'--disable-component-update',
					'--disable-sync',
				],
				viewport: { width: 1280, height: 800 },
				deviceScaleFactor: 1,
				locale: 'en-US',
				timezoneId: 'Europe/Amsterdam',
			},
		);
		const page = context.pages()[0] ?? (await context.newPage());
		// The machine may be loaded: wait generously, assert no timings.
		page.setDefaultTimeout(45_000);
		page.setDefaultNavigationTimeout(180_000);
		const browser = new Browser(context, page);
		await browser.watch();
		return browser;
	}

	private async watch(): Promise<void> {
		await this.context.route('**/*', async (route) => {
			const url = route.request().url();
			if (isLoopback(url)) return await route.continue();
			this.blocked.add(new URL(url).origin);
			await route.abort('blockedbyclient');
		});
		this.page.on('console', (message: ConsoleMessage) => {
			if (message.type() !== 'error') return;
			const text = message.text();
			const url = message.location().url ?? '';
			const allowed = ALLOWED_CONSOLE_ERRORS.find((a) => a.matches(text, url));
			if (allowed) this.allowed.push(`${allowed.why}: ${text}`);
			else this.problem(`browser console error: ${text}${url ? ` (${url})` : ''}`);
		});
		this.page.on('pageerror', (error) => this.problem(`page error: ${error.message}`));
		const isOurIcon = (url: string) => url.includes('/icons/n8n-nodes-nmbrs/');
		this.page.on('requestfailed', (request) => {
			if (isOurIcon(request.url()))
				this.problem(`icon request failed: ${request.url()} (${request.failure()?.errorText})`);
		});
		this.page.on('response', (response) => {
			if (isOurIcon(response.url()) && response.status() >= 400) {
				this.problem(`icon request answered ${response.status()}: ${response.url()}`);
			}
		});
	}

	problem(what: string): void {
		this.problems.push({ step: this.step, what });
	}

	async close(): Promise<void> {
		await this.context.close();
	}
}
