/**
 * Reading request parameters as .NET does: a missing or nil value is the type's default
 * (0, false, null), never an error. That is why a misspelt parameter gives a wrong answer.
 */
import type { WireValue } from '../../../nodes/Nmbrs/wire';
import type { EmulatorUser } from '../world/model';
import type { World } from '../world/world';
import { shapeResult, type Loose } from './shape';

export type Params = Record<string, WireValue>;

export interface OperationCall {
	user: EmulatorUser;
	params: Params;
	/** The emulator's --allow-http-webhooks: plain http webhook endpoints on loopback are taken. */
	allowHttpWebhooks?: boolean;
}

export type OperationHandler = (world: World, call: OperationCall) => WireValue | undefined;

export function int(params: Params, name: string): number {
	const value = params[name];
	return typeof value === 'number'
		? value
		: typeof value === 'string' && /^-?\d+$/.test(value)
			? Number(value)
			: 0;
}

export function bool(params: Params, name: string): boolean {
	const value = params[name];
	return value === true || value === 'true';
}

export function str(params: Params, name: string): string | null {
	const value = params[name];
	return typeof value === 'string'
		? value
		: value === null || value === undefined
			? null
			: String(value);
}

export function obj(params: Params, name: string): Record<string, WireValue> | null {
	const value = params[name];
	return value !== null &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		!Buffer.isBuffer(value)
		? (value as Record<string, WireValue>)
		: null;
}

/** Declares a handler whose loose answer is shaped by the catalogue's result type for `key`. */
export function handler(
	key: string,
	body: (world: World, call: OperationCall) => Loose,
): [string, OperationHandler] {
	return [key, (world, call) => shapeResult(key, body(world, call))];
}
