/**
 * Calls every operation of the real v2.1 WSDLs against one emulator, through node-soap clients
 * built from those WSDLs with the namespace switched to v3 and the v3 auth header added, and
 * checks each answer with the SchemaValidator. Reads run against the seeded world; the world is
 * then reset and the writes run, each read back by a read of its family.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as soap from 'soap';
import type { RunningEmulator } from '../../emulator/src';
import { loadWsdl, SHARED_DIR, WSDL_DIR, type WsdlModel } from '../contract/wsdlContract';
import {
	ArgumentFiller,
	firstRecordId,
	fixtureFrom,
	namesFamilyRecord,
	isWrite,
	readBackFor,
	recordReads,
	sourceReadFor,
	valueFromXml,
	writeRank,
	type FilledArguments,
	type Fixture,
} from './filler';
import { faultText, SchemaValidator, type Problem } from './schemaValidator';
import { ALLOWED_V3_ADDITIONS, referenceLine } from './v3Additions';
import { parseXml, type XmlElement } from './xmlTree';

const REFERENCE = path.join(SHARED_DIR, 'nmbrs-api/REFERENCE.md');

export const SERVICES = ['DebtorService', 'CompanyService', 'EmployeeService'] as const;
export type Service = (typeof SERVICES)[number];

export const v3Namespace = (service: string) => `https://api.nmbrs.nl/soap/v3/${service}`;
/**
 * The emulator's answer to an operation it has no handler for (emulator/src/server/soap.ts), and
 * ASMX's to one it does not know at all.
 */
const NOT_SERVED = [
	'does not implement',
	'did not recognize the value of HTTP Header SOAPAction',
	'without a valid action parameter',
];

export const ACCOUNTANT = { email: 'accountant@demo.example', token: 'demo-token', domain: 'demo' };

export type CallStatus = 'not-served' | 'fault' | 'invalid' | 'valid' | 'no-answer';

export interface CallResult {
	status: CallStatus;
	/** The fault text, or why there was no SOAP answer. */
	message?: string;
	problems: Problem[];
	/** The answer's document element (for reading a result back into a request). */
	envelope?: XmlElement;
	/** The request as sent, to look into a failure. */
	request?: string;
}

export interface OperationOutcome extends CallResult {
	key: string;
	service: Service;
	operation: string;
	write: boolean;
	placeholders: string[];
	minimal: string[];
	/** For an update: the read whose answer was sent back as the record. */
	sourceRead?: string;
	/** For a served write: the read of its family called after it (undefined: none in the WSDL). */
	readBack?: { operation: string | undefined; result?: CallResult };
}

/** The WSDL text with the v2.1 namespace (and so every SOAPAction) switched to v3. */
export function v3WsdlText(service: string): string {
	const text = readFileSync(path.join(WSDL_DIR, `${service}.wsdl`), 'utf8');
	return text.split(`https://api.nmbrs.nl/soap/v2.1/${service}`).join(v3Namespace(service));
}

type AsyncMethod = (args: unknown) => Promise<unknown>;

class ServiceClient {
	private lastBody: string | undefined;
	private lastStatus: number | undefined;
	private lastRequest: string | undefined;
	readonly validator: SchemaValidator;

	constructor(
		readonly service: Service,
		readonly model: WsdlModel,
		private readonly client: soap.Client,
	) {
		this.validator = new SchemaValidator(model, v3Namespace(service), ALLOWED_V3_ADDITIONS);
		client.on('request', (xml: string) => {
			this.lastRequest = xml;
		});
		client.on('response', (body: unknown, response: unknown) => {
			this.lastBody = typeof body === 'string' ? body : undefined;
			this.lastStatus = (response as { status?: number } | null)?.status;
		});
	}

	static async create(service: Service, soapBaseUrl: string): Promise<ServiceClient> {
		// node-soap reads a WSDL from a file or URL: the v3 text goes to a file of its own.
		const dir = mkdtempSync(path.join(os.tmpdir(), 'nmbrs-conformance-'));
		const file = path.join(dir, `${service}.wsdl`);
		writeFileSync(file, v3WsdlText(service));
		let client: soap.Client;
		try {
			client = await soap.createClientAsync(file);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		client.setEndpoint(`${soapBaseUrl}${service}.asmx`);
		const { email, token, domain } = ACCOUNTANT;
		client.addSoapHeader(
			`<AuthHeaderWithDomain xmlns="${v3Namespace(service)}"><Username>${email}</Username>` +
				`<Token>${token}</Token><Domain>${domain}</Domain></AuthHeaderWithDomain>`,
		);
		return new ServiceClient(service, loadWsdl(service), client);
	}

	async call(operation: string, args: Record<string, unknown>): Promise<CallResult> {
		const method = (this.client as unknown as Record<string, AsyncMethod>)[`${operation}Async`];
		if (typeof method !== 'function')
			return { status: 'no-answer', message: 'node-soap made no method for it', problems: [] };
		this.lastBody = undefined;
		this.lastStatus = undefined;
		this.lastRequest = undefined;
		let clientError: string | undefined;
		try {
			await method.call(this.client, args);
		} catch (error) {
			// Faults reject too; the raw answer says what happened.
			clientError = error instanceof Error ? error.message : String(error);
		}
		const result = this.judge(operation, clientError);
		return this.lastRequest === undefined ? result : { ...result, request: this.lastRequest };
	}

	private judge(operation: string, clientError: string | undefined): CallResult {
		if (this.lastBody === undefined)
			return { status: 'no-answer', message: clientError ?? 'no answer', problems: [] };
		const envelope = parseXml(this.lastBody);
		if (typeof envelope === 'string')
			return { status: 'invalid', problems: [{ path: '', reason: envelope }] };
		const fault = faultText(envelope);
		if (fault !== undefined) {
			return {
				status: NOT_SERVED.some((text) => fault.includes(text)) ? 'not-served' : 'fault',
				message: fault,
				problems: [],
				envelope,
			};
		}
		const problems = this.validator.validateResponse(operation, envelope);
		if (this.lastStatus !== undefined && this.lastStatus !== 200)
			problems.unshift({ path: '', reason: `HTTP ${this.lastStatus} without a fault` });
		return { status: problems.length === 0 ? 'valid' : 'invalid', problems, envelope };
	}
}

export interface ConformanceRun {
	outcomes: OperationOutcome[];
	fixture: Fixture;
	additionsSeen: string[];
}

async function resetWorld(emulator: RunningEmulator): Promise<void> {
	const response = await fetch(`${emulator.adminUrl}reset`, { method: 'POST', body: '{}' });
	if (!response.ok) throw new Error(`POST /__admin/reset answered ${response.status}`);
}

/** The `<Op>Result` element of an answer, if there is one. */
function resultElement(
	envelope: XmlElement | undefined,
	operation: string,
): XmlElement | undefined {
	const body = envelope?.children.find((c) => c.local === 'Body');
	const wrapper = body?.children.find((c) => c.local === `${operation}Response`);
	return wrapper?.children.find((c) => c.local === `${operation}Result`);
}

/** The first `<Code>` of a code list answer (the company's hour or wage model), else 0. */
async function firstCode(
	client: ServiceClient,
	operation: string,
	fixture: Fixture,
): Promise<number> {
	const answer = await client.call(
		operation,
		new ArgumentFiller(client.model, fixture).fill(operation).args,
	);
	const item = resultElement(answer.envelope, operation)?.children[0];
	const code = Number(item?.children.find((c) => c.local === 'Code')?.text);
	return Number.isInteger(code) ? code : 0;
}

/**
 * An operation that names an existing record by a stand-in id (a parameter, or for a change or
 * removal the `Id` of a record parameter) gets the first record id a read of its family lists.
 */
async function useExistingRecord(
	client: ServiceClient,
	filler: ArgumentFiller,
	operation: string,
	filled: FilledArguments,
): Promise<void> {
	const own = filled.placeholders.filter((name) => namesFamilyRecord(operation, name));
	const changes = isWrite(operation) && writeRank(operation) > 0;
	const records = filled.minimal.filter((name) => {
		const value = filled.args[name];
		return changes && value !== null && typeof value === 'object' && 'Id' in value;
	});
	if (own.length === 0 && records.length === 0) return;
	for (const read of recordReads(client.model, operation)) {
		const answer = await client.call(read, filler.fill(read).args);
		const id = firstRecordId(resultElement(answer.envelope, read));
		if (id === undefined) continue;
		for (const name of own) filled.args[name] = id;
		for (const name of records) (filled.args[name] as Record<string, unknown>).Id = id;
		filled.placeholders = filled.placeholders.filter((name) => !own.includes(name));
		return;
	}
}

export async function runConformance(emulator: RunningEmulator): Promise<ConformanceRun> {
	const clients = new Map<Service, ServiceClient>();
	for (const service of SERVICES)
		clients.set(service, await ServiceClient.create(service, emulator.soapBaseUrl));
	const all = SERVICES.flatMap((service) =>
		[...clients.get(service)!.model.operations].map((operation) => ({ service, operation })),
	);
	const outcomes: OperationOutcome[] = [];

	const callOne = async (
		service: Service,
		operation: string,
		fixture: Fixture,
	): Promise<OperationOutcome> => {
		const client = clients.get(service)!;
		const filler = new ArgumentFiller(client.model, fixture);
		const filled = filler.fill(operation);
		const write = isWrite(operation);
		let sourceRead: string | undefined;
		if (write) {
			// An update sends back the whole record as the family's read gives it, as clients do.
			for (const param of filler.params(operation)) {
				const source = sourceReadFor(client.model, operation, param);
				if (!source || param.type === undefined) continue;
				const read = source.operation;
				const answer = await client.call(read, filler.fill(read).args);
				let record = resultElement(answer.envelope, read);
				if (source.item) record = record?.children.find((c) => c.local === source.item);
				if (!record) continue;
				filled.args[param.name] = valueFromXml(client.model, record, param.type);
				filled.minimal = filled.minimal.filter((name) => name !== param.name);
				sourceRead = read;
			}
		}
		await useExistingRecord(client, filler, operation, filled);
		const result = await client.call(operation, filled.args);
		const { envelope: _answer, ...kept } = result;
		const outcome: OperationOutcome = {
			...kept,
			key: `${service}.${operation}`,
			service,
			operation,
			write,
			placeholders: filled.placeholders,
			minimal: filled.minimal,
		};
		if (sourceRead) outcome.sourceRead = sourceRead;
		// Read back only what a write accepted.
		if (write && (result.status === 'valid' || result.status === 'invalid')) {
			const read = readBackFor(client.model, operation);
			outcome.readBack = { operation: read };
			if (read) {
				const { envelope: _answer, ...answer } = await client.call(read, filler.fill(read).args);
				outcome.readBack.result = answer;
			}
		}
		return outcome;
	};

	// Reads see the seeded world as it was made.
	let fixture = fixtureFrom(emulator.world);
	for (const { service, operation } of all.filter((o) => !isWrite(o.operation)))
		outcomes.push(await callOne(service, operation, fixture));

	await resetWorld(emulator);
	fixture = fixtureFrom(emulator.world);
	const company = clients.get('CompanyService')!;
	fixture.hourCode = await firstCode(company, 'HourModel_GetHourCodes', fixture);
	fixture.wageCode = await firstCode(company, 'WageModel_GetWageCodes', fixture);
	const writes = all
		.filter((o) => isWrite(o.operation))
		.sort((a, b) => writeRank(a.operation) - writeRank(b.operation));
	for (const { service, operation } of writes)
		outcomes.push(await callOne(service, operation, fixture));

	const reference = existsSync(REFERENCE) ? readFileSync(REFERENCE, 'utf8') : '';
	const additionsSeen = new Set<string>();
	for (const client of clients.values()) {
		for (const seen of client.validator.additionsSeen) {
			const addition = ALLOWED_V3_ADDITIONS.find((a) => `${a.type}.${a.field}` === seen);
			const line = addition ? referenceLine(addition, reference) : undefined;
			additionsSeen.add(line ? `${seen} (REFERENCE.md:${line})` : seen);
		}
	}
	outcomes.sort((a, b) => a.key.localeCompare(b.key));
	return { outcomes, fixture, additionsSeen: [...additionsSeen].sort() };
}
