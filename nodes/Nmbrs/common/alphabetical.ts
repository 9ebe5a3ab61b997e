/**
 * Alphabetical order, ignoring case, for the names the node's description sorts as it loads.
 * Not localeCompare: its first call starts ICU's collator, about 7 ms of every n8n start (the
 * names are plain English, so the order is the same).
 */
export function alphabetical(a: string, b: string): number {
	const x = a.toLowerCase();
	const y = b.toLowerCase();
	return x < y ? -1 : x > y ? 1 : 0;
}
