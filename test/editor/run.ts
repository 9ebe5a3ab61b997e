/// <reference lib="dom" />
/**
 * The nodes as a user sees them (issue 10): n8n 2.41.1's editor with the packed package, the
 * emulator at a fixed "now", driven in Debian's Chromium.
 *
 *   npm run test:editor     the check; fails on a missing node, icon, operation or parameter, a
 *                           browser console or page error not on the allowlist (browser.ts)
 *   npm run screenshots     the same walk, and writes docs/images/*.png on the way
 *
 * On a failure it prints the step, the visible text of the open panel and the path of a screenshot
 * (CI keeps no artifacts). Run `npm run build` first (the npm scripts do).
 */
import { mkdirSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import type { Locator, Page } from 'playwright-core';

import {
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	DEMO_LOGIN,
	REPO_ROOT,
	printStageTimes,
	stage,
	startStack,
	type Stack,
} from '../../scripts/e2e/harness';
import { Browser } from './browser';
import {
	builtDescription,
	collectionOptions,
	operations,
	resources,
	visibleParameters,
} from './expected';

const N8N_VERSION = '2.41.1';
/** The emulator's fixed "now" (Dutch time), so the pictures change only when the UI does. */
const WORLD_NOW = '2026-11-25T09:00:00';
const FAILURE_SENTENCE = 'Nmbrs refused the test call (DebtorService.List_GetAll)';
const SALARY_DOCUMENT = 'Salary Document';
const IMAGES = path.join(REPO_ROOT, 'docs', 'images');

const screenshots = process.argv.includes('--screenshots');
const shotDir = mkdtempSync(path.join(tmpdir(), 'nmbrs-editor-shots-'));
export const skipped: string[] = [];
export const notes: string[] = [];

class StepFailure extends Error {}

function fail(message: string): never {
	throw new StepFailure(message);
}

async function step<T>(browser: Browser, name: string, run: () => Promise<T>): Promise<T> {
	browser.step = name;
	process.stdout.write(`  · ${name}\n`);
	const before = browser.problems.length;
	const result = await run();
	// Give late console errors of this step a moment to arrive.
	await browser.page.waitForTimeout(300);
	if (browser.problems.length > before) {
		fail(
			browser.problems
				.slice(before)
				.map((p) => p.what)
				.join('\n'),
		);
	}
	return result;
}

/** The visible text of what is open: a dialog, the node's panel, the nodes panel, or the page. */
async function visiblePanelText(page: Page): Promise<string> {
	for (const id of ['editCredential-modal', 'ndv', 'node-creator']) {
		const panel = page.getByTestId(id).first();
		if (await panel.isVisible().catch(() => false)) {
			return `[${id}]\n${await panel.innerText({ timeout: 5000 }).catch(() => '(unreadable)')}`;
		}
	}
	return `[page]\n${await page
		.locator('body')
		.innerText({ timeout: 5000 })
		.catch(() => '(unreadable)')}`;
}

/** A PNG of `target` (a panel), when making the README's pictures. */
async function picture(target: Locator, name: string): Promise<void> {
	if (!screenshots) return;
	await closeToasts(target.page());
	mkdirSync(IMAGES, { recursive: true });
	await target.page().mouse.move(0, 0);
	await target.page().waitForTimeout(500);
	await target.screenshot({ path: path.join(IMAGES, name), animations: 'disabled' });
	process.stdout.write(`    wrote docs/images/${name}\n`);
}

/** Closes n8n's toasts ("Workflow executed successfully"), which come and go with timing. */
async function closeToasts(page: Page): Promise<void> {
	const close = page.locator('.el-notification .el-notification__closeBtn:visible');
	while ((await close.count()) > 0) {
		await close.first().click();
		await page.waitForTimeout(300);
	}
}

/** A PNG of the smallest rectangle around `targets` (with a margin), when making the pictures. */
async function pictureAround(page: Page, targets: Locator[], name: string): Promise<void> {
	if (!screenshots) return;
	const boxes = [];
	for (const target of targets) {
		const box = await target.boundingBox();
		if (box) boxes.push(box);
	}
	if (boxes.length === 0) fail(`nothing to take a picture of for ${name}`);
	const margin = 12;
	const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
	const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
	const right = Math.max(...boxes.map((b) => b.x + b.width)) + margin;
	const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + margin;
	mkdirSync(IMAGES, { recursive: true });
	await page.screenshot({
		path: path.join(IMAGES, name),
		clip: { x, y, width: right - x, height: bottom - y },
		animations: 'disabled',
	});
	process.stdout.write(`    wrote docs/images/${name}\n`);
}

// ---------------------------------------------------------------- editor actions

async function signIn(page: Page, stack: Stack): Promise<void> {
	await page.goto(`${stack.editorUrl}signin`);
	await page.getByLabel('Email').fill(stack.owner.email);
	await page.getByLabel('Password').fill(stack.owner.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.includes('signin'));
}

/** The items of a parameter's dropdown: the list its input controls (aria-controls). */
async function dropdownItems(page: Page, parameter: string): Promise<Locator> {
	const input = page.getByTestId(`parameter-input-${parameter}`).locator('input').first();
	const list = await input.getAttribute('aria-controls');
	if (!list) fail(`the ${parameter} dropdown names no list (aria-controls)`);
	return page.locator(`[id="${list}"]`).locator('.el-select-dropdown__item');
}

/** Opens a parameter's dropdown and returns the options' names (first line of each item). */
async function dropdownNames(page: Page, parameter: string): Promise<string[]> {
	await page.getByTestId(`parameter-input-${parameter}`).click();
	const items = await dropdownItems(page, parameter);
	await items.first().waitFor();
	const texts = await items.allInnerTexts();
	return texts.map((t) => t.split('\n')[0].trim());
}

async function closeDropdown(page: Page, parameter: string): Promise<void> {
	await page.keyboard.press('Escape');
	await (await dropdownItems(page, parameter)).first().waitFor({ state: 'hidden' });
}

async function choose(page: Page, parameter: string, name: string): Promise<void> {
	const names = await dropdownNames(page, parameter);
	if (!names.includes(name))
		fail(`"${name}" is not among ${parameter}'s options: ${names.join(', ')}`);
	const items = await dropdownItems(page, parameter);
	await items.nth(names.indexOf(name)).click();
	await items.first().waitFor({ state: 'hidden' });
}

function sameList(seen: string[], wanted: string[]): boolean {
	return seen.length === wanted.length && seen.every((s, i) => s === wanted[i]);
}

/** Waits a while for a part of the panel that fills in steps (list options load, then collections). */
async function shows(part: Locator): Promise<boolean> {
	return await part
		.waitFor({ state: 'visible', timeout: 15_000 })
		.then(() => true)
		.catch(() => false);
}

/** Every parameter the description shows for these values is on the panel (see parameterRenders). */
async function checkParametersRender(
	page: Page,
	description: INodeTypeDescription,
	values: Record<string, unknown>,
): Promise<void> {
	const panel = page.getByTestId('node-parameters');
	await panel.waitFor();
	const missing: string[] = [];
	for (const parameter of visibleParameters(description, values)) {
		if (parameter.type === 'hidden') continue;
		const started = Date.now();
		const problem = await parameterRenders(page, panel, parameter);
		if (problem) missing.push(`${parameter.name}: ${problem}`);
		const took = Date.now() - started;
		if (took > 2000) process.stdout.write(`    slow: ${parameter.name} ${took} ms\n`);
	}
	if (missing.length > 0)
		fail(`parameters that do not render for ${JSON.stringify(values)}:\n  ${missing.join('\n  ')}`);
}

/**
 * What is wrong with one parameter on the panel, or undefined: it shows its label and its input; a
 * collection its add control (a button for one option, else a list with its placeholder) and that
 * list offers each of its options.
 */
async function parameterRenders(
	page: Page,
	panel: Locator,
	parameter: INodeProperties,
): Promise<string | undefined> {
	const item = panel
		.getByTestId('parameter-item')
		.filter({ has: page.getByText(parameter.displayName, { exact: true }) })
		.first();
	if (!(await shows(item))) return `its label "${parameter.displayName}" is not shown`;
	if (parameter.type === 'notice') return undefined;
	if (parameter.type !== 'collection') {
		return (await shows(item.getByTestId(`parameter-input-${parameter.name}`).first()))
			? undefined
			: `no input for this ${parameter.type} on the panel`;
	}
	const add = item.getByTestId('collection-parameter-add').first();
	if (!(await shows(add))) return `no "${parameter.placeholder ?? 'Add'}" control`;
	const input = add.locator('input');
	const placeholder =
		(await input.count()) > 0 ? await input.first().getAttribute('placeholder') : '';
	const addText = `${await add.innerText()} ${placeholder ?? ''}`;
	if (parameter.placeholder && !addText.includes(parameter.placeholder))
		return `its add control does not say "${parameter.placeholder}"`;
	const offered = collectionOptions(parameter);
	if (offered.length < 2) return undefined;
	await add.click();
	const listed = page.locator('[data-test-id="collection-parameter-option"]:visible');
	await listed.first().waitFor();
	const names = (await listed.allInnerTexts()).map((t) => t.trim());
	await page.keyboard.press('Escape');
	await listed.first().waitFor({ state: 'hidden' });
	const absent = offered.filter((name) => !names.includes(name));
	return absent.length > 0
		? `its list offers ${names.join(', ')}; missing ${absent.join(', ')}`
		: undefined;
}

/** Opens a resource locator's list, checks it fills, and picks the entry named `pick` (typed to filter). */
async function pickFromList(page: Page, parameter: string, pick?: string): Promise<string> {
	const locator = page.getByTestId(`resource-locator-${parameter}`);
	await locator.getByTestId('rlc-input').first().click();
	const items = page.getByTestId('rlc-item');
	await items.first().waitFor();
	const all = (await items.allInnerTexts()).map((t) => t.trim());
	if (all.length === 0) fail(`the list of ${parameter} is empty`);
	if (pick === undefined) {
		const first = all[0];
		await items.first().click();
		return first;
	}
	await page.getByTestId('rlc-search').fill(pick);
	await page.waitForFunction(
		({ wanted, before, narrows }) => {
			const texts = Array.from(document.querySelectorAll('[data-test-id="rlc-item"]')).map((e) =>
				(e as HTMLElement).innerText.trim(),
			);
			return (
				texts.length > 0 &&
				(texts.length < before || !narrows) &&
				texts.every((t) => t.toLowerCase().includes(wanted.toLowerCase()))
			);
		},
		// The list may open already searched (the editor keeps the last search of the parameter).
		{
			wanted: pick,
			before: all.length,
			narrows: all.some((t) => !t.toLowerCase().includes(pick.toLowerCase())),
		},
	);
	const filtered = (await items.allInnerTexts()).map((t) => t.trim());
	const chosen = filtered[0];
	await items.first().click();
	notes.push(
		`${parameter} list: ${all.length} entries; typing "${pick}" left ${filtered.length}: ${filtered.join(', ')}`,
	);
	return chosen;
}

/** Runs the open node ("Execute step") and waits for its output's item count. */
async function runNode(page: Page): Promise<number> {
	const output = page.getByTestId('output-panel');
	// The run starts with a POST; until its result arrives by push, the panel shows it executing.
	await Promise.all([
		page.waitForResponse(
			(r) => r.request().method() === 'POST' && /\/rest\/workflows\/[^/]+\/run/.test(r.url()),
		),
		page.getByTestId('node-execute-button').click(),
	]);
	await page.getByTestId('ndv-executing').first().waitFor({ state: 'hidden' });
	const count = output.getByTestId('ndv-items-count');
	const error = output.getByText(/Problem in node|ERROR:|Error:/).first();
	await Promise.race([count.waitFor(), error.waitFor()]);
	if (await error.isVisible().catch(() => false))
		fail(`the node failed:\n${await output.innerText()}`);
	const items = Number(/\b(\d+) items?/.exec(await count.innerText())?.[1] ?? NaN);
	if (!(items > 0)) fail(`the output shows no items: ${await count.innerText()}`);
	return items;
}

/** Uses the harness's emulator credential on the open node (n8n may preselect another). */
async function useEmulatorCredential(page: Page): Promise<void> {
	const select = page.getByTestId('node-credentials-select');
	await select.waitFor();
	if ((await select.locator('input').first().inputValue()) === CREDENTIAL_NAME) return;
	await select.click();
	await page.getByTestId(`node-credentials-select-item-${CREDENTIAL_ID}`).click();
	await page.waitForFunction(
		(name) =>
			(
				document.querySelector(
					'[data-test-id="node-credentials-select"] input',
				) as HTMLInputElement | null
			)?.value === name,
		CREDENTIAL_NAME,
	);
}

async function openNodeCreator(page: Page, fromEmptyCanvas: boolean): Promise<void> {
	await page
		.getByTestId(fromEmptyCanvas ? 'canvas-add-button' : 'node-creator-plus-button')
		.click();
	await page.getByTestId('node-creator-search-bar').fill('Nmbrs');
}

/** The package's icons shown in `root` are loaded images. */
async function checkIcons(root: Locator, where: string, atLeast: number): Promise<void> {
	const icons = root.locator('img[src*="/icons/n8n-nodes-nmbrs/"]:visible');
	await icons.first().waitFor();
	await root
		.page()
		.waitForFunction(
			(els) => els.every((e) => (e as HTMLImageElement).complete),
			await icons.elementHandles(),
		);
	const widths = await icons.evaluateAll((els) =>
		els.map((e) => (e as HTMLImageElement).naturalWidth),
	);
	if (widths.length < atLeast)
		fail(`${where}: ${widths.length} Nmbrs icons shown, expected at least ${atLeast}`);
	if (widths.some((w) => w === 0)) fail(`${where}: a broken Nmbrs icon (naturalWidth 0)`);
}

// ---------------------------------------------------------------- the walk

export async function walk(browser: Browser, stack: Stack): Promise<void> {
	const page = browser.page;
	const node = builtDescription('Nmbrs');
	const trigger = builtDescription('NmbrsTrigger');
	const resourceList = resources(node);

	await step(browser, 'sign in as the owner', async () => {
		await signIn(page, stack);
		await page.goto(`${stack.editorUrl}workflow/new`);
		await page.getByTestId('canvas-add-button').waitFor();
	});

	await step(
		browser,
		'search "Nmbrs" in the nodes panel: the node, its trigger and actions, with icons',
		async () => {
			await openNodeCreator(page, true);
			const creator = page.getByTestId('node-creator');
			const entry = creator.getByTestId('node-creator-item-name').filter({ hasText: /^Nmbrs$/ });
			await entry.first().waitFor();
			await checkIcons(creator, 'search result', 1);
			await entry.first().click();
			const triggerAction = creator.getByText(/^On wage tax declaration reached status$/i);
			await triggerAction.waitFor();
			await creator.getByText(/^Actions \(\d+\)/).click();
			const wantedActions = resourceList.flatMap((r) =>
				(
					node.properties.find(
						(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value),
					)?.options ?? []
				).map((o) => (o as { action?: string }).action ?? ''),
			);
			// The list renders in steps after the click: read it until every action shows, or 15 s.
			let absent = wantedActions;
			for (let waited = 0; waited <= 15_000 && absent.length > 0; waited += 500) {
				if (waited > 0) await page.waitForTimeout(500);
				const text = (await creator.innerText()).toLowerCase();
				absent = wantedActions.filter((a) => a && !text.includes(a.toLowerCase()));
			}
			if (absent.length > 0) fail(`actions not listed in the nodes panel: ${absent.join(', ')}`);
			await checkIcons(creator, 'node details (trigger and actions)', 2);
			notes.push(
				`nodes panel: the Nmbrs entry lists the trigger "${trigger.displayName}" and ${wantedActions.length} actions`,
			);
		},
	);

	await step(browser, 'add the node (Company → Get Many)', async () => {
		await page
			.getByTestId('node-creator')
			.getByText(/^Get many companies$/i)
			.click();
		await page.getByTestId('ndv').waitFor();
		await page.getByTestId('parameter-input-resource').waitFor();
		await useEmulatorCredential(page);
		await checkIcons(page.getByTestId('ndv'), 'node panel header', 1);
	});

	const present = (await step(browser, 'each resource shows its operations', async () => {
		const seenResources = await dropdownNames(page, 'resource');
		await closeDropdown(page, 'resource');
		const wanted = resourceList.map((r) => r.name);
		if (!sameList(seenResources, wanted))
			fail(`Resource shows ${seenResources.join(', ')}; the node has ${wanted.join(', ')}`);
		for (const resource of resourceList) {
			await choose(page, 'resource', resource.name);
			const ops = operations(node, resource.value);
			const seen = await dropdownNames(page, 'operation');
			await closeDropdown(page, 'operation');
			if (
				!sameList(
					seen,
					ops.map((o) => o.name),
				)
			) {
				fail(
					`${resource.name}: Operation shows ${seen.join(', ')}; the node has ${ops.map((o) => o.name).join(', ')}`,
				);
			}
			for (const op of ops) {
				if (ops.length > 1) await choose(page, 'operation', op.name);
				await checkParametersRender(page, node, { resource: resource.value, operation: op.value });
			}
			notes.push(`${resource.name}: ${seen.join(', ')}`);
		}
		return seenResources;
	})) as string[];

	await step(browser, 'Company → Get Many: run it, items in the output', async () => {
		await choose(page, 'resource', 'Company');
		await choose(page, 'operation', 'Get Many');
		const items = await runNode(page);
		notes.push(`Company → Get Many: ${items} items`);
	});

	await step(
		browser,
		'Employee → Get Many: pick the company from the list (typing filters it), run it',
		async () => {
			await choose(page, 'resource', 'Employee');
			await choose(page, 'operation', 'Get Many');
			if (screenshots) {
				// The parameter panel with the company list open, as a user picks from it.
				await page
					.getByTestId('resource-locator-companyId')
					.getByTestId('rlc-input')
					.first()
					.click();
				await page.getByTestId('rlc-item').first().waitFor();
				await page.waitForTimeout(500);
				await pictureAround(
					page,
					[
						page.getByTestId('tab-params'),
						page.getByTestId('node-parameters').getByTestId('parameter-item').last(),
						page.getByTestId('rlc-item').last(),
					],
					'parameters.png',
				);
				await page.keyboard.press('Escape');
				await page.getByTestId('rlc-item').first().waitFor({ state: 'hidden' });
			}
			const company = await pickFromList(page, 'companyId', 'Van Dam');
			const items = await runNode(page);
			notes.push(`Employee → Get Many of ${company}: ${items} items`);
			await picture(page.getByTestId('ndv'), 'node-output.png');
		},
	);

	await salaryDocument(browser, present);

	await credential(browser, stack);

	await step(browser, 'open the trigger and run Fetch Test Event', async () => {
		if (await page.getByTestId('ndv').isVisible())
			await page.getByTestId('ndv-close-button').click();
		await page.getByTestId('ndv').waitFor({ state: 'hidden' });
		await openNodeCreator(page, false);
		const creator = page.getByTestId('node-creator');
		await creator
			.getByTestId('node-creator-item-name')
			.filter({ hasText: /^Nmbrs$/ })
			.first()
			.click();
		const triggerAction = creator.getByText(/^On wage tax declaration reached status$/i);
		// With a trigger in the workflow already, the Triggers section starts folded.
		await creator.getByText(/^Triggers \(\d+\)/).waitFor();
		if (!(await triggerAction.isVisible())) await creator.getByText(/^Triggers \(\d+\)/).click();
		await triggerAction.click();
		await page.getByTestId('ndv').waitFor();
		await useEmulatorCredential(page);
		await checkParametersRender(page, trigger, {});
		const fetch = page.getByRole('button', { name: /Fetch Test Event/i }).first();
		await fetch.click();
		const count = page.getByTestId('output-panel').getByTestId('ndv-items-count');
		await count.waitFor();
		notes.push(`trigger Fetch Test Event: ${await count.innerText()}`);
		await picture(page.getByTestId('ndv'), 'trigger.png');
	});
}

async function salaryDocument(browser: Browser, presentResources: string[]): Promise<void> {
	const page = browser.page;
	const name = `${SALARY_DOCUMENT} → Get Payslips`;
	if (!presentResources.includes(SALARY_DOCUMENT)) {
		const line = `SKIPPED: ${name}: resource not in this build (the Resource list has ${presentResources.join(', ')})`;
		skipped.push(line);
		process.stdout.write(`\n  !!!!! ${line}\n\n`);
		return;
	}
	await step(
		browser,
		`${name}: pick company and run, run it, see the binary and its file name`,
		async () => {
			await choose(page, 'resource', SALARY_DOCUMENT);
			await choose(page, 'operation', 'Get Payslips');
			await pickFromList(page, 'companyId', 'Van Dam');
			const run = page.getByTestId('resource-locator-runId');
			if (await run.isVisible().catch(() => false)) await pickFromList(page, 'runId');
			const year = page.getByTestId('parameter-input-year').locator('input').first();
			if ((await year.isVisible().catch(() => false)) && (await year.inputValue()) === '')
				await year.fill(WORLD_NOW.slice(0, 4));
			await runNode(page);
			const output = page.getByTestId('output-panel');
			const binary = output
				.getByTestId('ndv-view-binary-data')
				.or(output.getByTestId('ndv-download-binary-data'))
				.first();
			if (!(await binary.isVisible().catch(() => false))) {
				// Binary data may sit behind the Binary tab of the output.
				await output
					.getByText(/^Binary$/)
					.first()
					.click()
					.catch(() => undefined);
				await binary.waitFor();
			}
			const text = await output.innerText();
			const fileName = /(?<![\w .()-])[\w .()-]+\.pdf/i.exec(text)?.[0];
			if (!fileName) fail(`the output shows binary data without a .pdf file name:\n${text}`);
			notes.push(`${name}: binary ${fileName}`);
		},
	);
}

async function credential(browser: Browser, stack: Stack): Promise<void> {
	const page = browser.page;
	const modal = page.getByTestId('editCredential-modal');

	await step(
		browser,
		'create the credential in its dialog: the setup notice shows its steps on separate lines',
		async () => {
			await page.getByTestId('node-credentials-select').click();
			await page.getByTestId('node-credentials-select-item-new').click();
			await modal.waitFor();
			const notice = modal
				.locator('.notice, [role="alert"]')
				.filter({ hasText: 'Before you start' })
				.first();
			await notice.waitFor();
			const steps = await notice.locator('li').evaluateAll((els) =>
				els.map((e) => ({
					text: (e as HTMLElement).innerText.trim(),
					top: e.getBoundingClientRect().top,
				})),
			);
			const numbered = steps.filter((s) => /^\d\./.test(s.text));
			if (numbered.length !== 3)
				fail(
					`the setup notice shows ${numbered.length} separate steps, expected 3:\n${await notice.innerText()}`,
				);
			const tops = numbered.map((s) => s.top);
			if (!tops.every((top, i) => i === 0 || top > tops[i - 1]))
				fail(`the setup notice's steps share a line: ${JSON.stringify(numbered)}`);
		},
	);

	await step(browser, 'fill the credential, save: the test passes', async () => {
		await modal.getByTestId('parameter-input-email').locator('input').fill(DEMO_LOGIN.email);
		await modal.getByTestId('parameter-input-token').locator('input').fill(DEMO_LOGIN.token);
		await modal
			.getByTestId('parameter-input-subdomain')
			.locator('input')
			.fill(DEMO_LOGIN.subdomain);
		await choose(page, 'environment', 'Custom Base URL');
		await modal
			.getByTestId('parameter-input-customBaseUrl')
			.locator('input')
			.fill(stack.emulator.soapBaseUrl);
		await modal.getByTestId('credential-save-button').click();
		// n8n tests a credential when it is saved, and closes the dialog of a new one that passed.
		await page
			.getByText(/Connection tested successfully/i)
			.first()
			.waitFor({ state: 'attached' });
		await modal.waitFor({ state: 'hidden' }).catch(() => undefined);
	});

	await step(browser, 'open the saved credential: tested successfully', async () => {
		if (!(await modal.isVisible())) await page.getByTestId('credential-edit-button').click();
		await modal
			.getByText(/Connection tested successfully/i)
			.first()
			.waitFor();
		await picture(modal, 'credential.png');
	});

	await step(browser, 'a wrong token: the test fails with our sentence', async () => {
		const token = modal.getByTestId('parameter-input-token').locator('input');
		await token.fill('wrong-token');
		await modal.getByTestId('credential-save-button').click();
		// The banner says "Couldn't connect with these settings"; the reason is under More details.
		await modal
			.getByText(/Couldn.t connect with these settings/i)
			.first()
			.waitFor();
		await modal
			.getByText(/^More details$/i)
			.first()
			.click();
		await modal.getByText(FAILURE_SENTENCE, { exact: false }).first().waitFor();
		notes.push(
			`credential with a wrong token: "${(await modal.getByText(FAILURE_SENTENCE, { exact: false }).first().innerText()).trim()}"`,
		);
		await page.keyboard.press('Escape');
		await modal.waitFor({ state: 'hidden' }).catch(async () => {
			await modal.locator('.el-dialog__headerbtn, [aria-label="Close"]').first().click();
			await modal.waitFor({ state: 'hidden' });
		});
	});
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
	const started = Date.now();
	const stack = await stage(`n8n ${N8N_VERSION} with the package, emulator at ${WORLD_NOW}`, () =>
		startStack({ n8nVersion: N8N_VERSION, worldNow: WORLD_NOW }),
	);
	let browser: Browser | undefined;
	let failed = false;
	try {
		browser = await stage('Chromium', () => Browser.launch());
		const b = browser;
		await stage('the editor, as a user', async () => {
			try {
				await walk(b, stack);
			} catch (error) {
				failed = true;
				const shot = path.join(shotDir, `failure-${Date.now()}.png`);
				await b.page.screenshot({ path: shot, fullPage: false }).catch(() => undefined);
				const panel = await visiblePanelText(b.page);
				process.stderr.write(
					`\n✗ editor check failed at step: ${b.step}\n${error instanceof Error ? error.message : String(error)}\n` +
						`\n--- visible text of the panel ---\n${panel}\n--- end of panel ---\nscreenshot: ${shot}\n`,
				);
				if (!(error instanceof StepFailure) && error instanceof Error && error.stack)
					process.stderr.write(`${error.stack}\n`);
			}
		});
		if (!failed && b.problems.length > 0) {
			failed = true;
			process.stderr.write(`\n✗ ${b.problems.map((p) => `${p.step}: ${p.what}`).join('\n✗ ')}\n`);
		}
		process.stdout.write('\nwhat the editor showed\n');
		for (const note of notes) process.stdout.write(`  ${note}\n`);
		if (b.allowed.length > 0)
			process.stdout.write(
				`allowed console errors (browser.ts): ${b.allowed.length}\n  ${[...new Set(b.allowed)].join('\n  ')}\n`,
			);
		if (b.blocked.size > 0)
			process.stdout.write(`requests off the machine, blocked: ${[...b.blocked].join(', ')}\n`);
	} finally {
		await browser?.close().catch(() => undefined);
		if (failed) process.stderr.write(`${stack.n8n.describeLog(undefined, 40)}\n`);
		await stack.stop();
	}
	for (const line of skipped) process.stdout.write(`\n!!!!! ${line}\n`);
	printStageTimes();
	process.stdout.write(
		`\neditor check: ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
	);
	process.exitCode = failed ? 1 : 0;
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(
			`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exitCode = 1;
	});
}
