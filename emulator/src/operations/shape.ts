/**
 * Shapes a handler's answer exactly as the catalogue types the operation's result: every field of
 * the type present (missing -> null), in catalogue order, dates as 'YYYY-MM-DD', date-times as
 * 'YYYY-MM-DDTHH:mm:ss'. A field the catalogue does not know, or an enum value it does not list,
 * throws: that is a bug in a handler, and the operation tests find it.
 */
import {
	operationKey,
	resolveAnyOperation,
	type Catalogue,
	type Field,
	type ResolvedOperation,
	type ServiceName,
} from '../../../nodes/Nmbrs/catalogue';
import { fieldsOfType, type WireValue } from '../../../nodes/Nmbrs/wire';

/** What handlers build before shaping: plain objects, arrays, scalars, Buffers. */
export type Loose = WireValue | undefined | { [field: string]: Loose } | Loose[];

function shapeScalar(field: Field, value: Loose, catalogue: Catalogue, where: string): WireValue {
	if (value === null || value === undefined) return null;
	const type = field.type;
	if (type.startsWith('type:')) {
		if (typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value))
			throw new Error(`${where}: expected an object`);
		const fields = fieldsOfType(type.slice(5), catalogue);
		const known = new Set(fields.map((f) => f.name));
		for (const key of Object.keys(value))
			if (!known.has(key)) throw new Error(`${where}: ${type} has no field ${key}`);
		const out: Record<string, WireValue> = {};
		for (const f of fields)
			out[f.name] = shapeField(
				f,
				(value as Record<string, Loose>)[f.name],
				catalogue,
				`${where}.${f.name}`,
			);
		return out;
	}
	if (type.startsWith('enum:')) {
		const values = catalogue.enums[type.slice(5)] ?? [];
		if (typeof value !== 'string' || !values.includes(value))
			throw new Error(`${where}: "${String(value)}" is not in ${type}`);
		return value;
	}
	switch (type) {
		case 'date':
			return String(value).slice(0, 10);
		case 'dateTime':
			return String(value).length === 10 ? `${String(value)}T00:00:00` : String(value).slice(0, 19);
		case 'int':
		case 'long':
		case 'decimal':
		case 'double':
			if (typeof value !== 'number') throw new Error(`${where}: expected a number`);
			return value;
		case 'boolean':
			if (typeof value !== 'boolean') throw new Error(`${where}: expected a boolean`);
			return value;
		case 'base64Binary':
			if (!Buffer.isBuffer(value)) throw new Error(`${where}: expected a Buffer`);
			return value;
		default:
			return value as WireValue;
	}
}

function shapeField(field: Field, value: Loose, catalogue: Catalogue, where: string): WireValue {
	if (field.listItem) {
		if (value === null || value === undefined) return [];
		if (!Array.isArray(value)) throw new Error(`${where}: expected a list`);
		return value.map((item, i) => shapeScalar(field, item, catalogue, `${where}[${i}]`));
	}
	return shapeScalar(field, value, catalogue, where);
}

/** Shapes `value` as the result of 'Service.Op' (curated entry, else the generated one). */
export function shapeResult(key: string, value: Loose): WireValue | undefined {
	const [service, name] = key.split('.') as [ServiceName, string];
	const resolved = resolveAnyOperation(service, name);
	if (!resolved) throw new Error(`No catalogue entry for ${key}`);
	return shapeResultOf(resolved, value);
}

/** Shapes `value` as the result of an operation the caller resolved (e.g. a v3-only one). */
export function shapeResultOf(resolved: ResolvedOperation, value: Loose): WireValue | undefined {
	const result = resolved.operation.result;
	if (!result) return undefined;
	return shapeField(result, value, resolved.catalogue, operationKey(resolved.operation));
}
