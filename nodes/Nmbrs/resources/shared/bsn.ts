/**
 * The BSN (burgerservicenummer) stays out of JSON output unless the user asks for it: records
 * call it BSN, the wage tax declaration XML SofiNr.
 */
const BSN_FIELDS = new Set(['bsn', 'sofinr']);

/** A copy of a JSON value without its BSN fields, at any depth. */
export function withoutBsn<T>(value: T): T {
	if (Array.isArray(value)) return value.map((v: unknown) => withoutBsn(v)) as T;
	if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
		const out: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value)) {
			if (!BSN_FIELDS.has(key.toLowerCase())) out[key] = withoutBsn(inner);
		}
		return out as T;
	}
	return value;
}
