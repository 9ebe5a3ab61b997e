/**
 * Hiding the API token in XML text that goes into an error or a log: the content of every
 * `<Token>` element, and the token itself in the forms a server may echo it back in. Used by the
 * transport (scrub) and the emulator (its request log). Every step is one forward pass, with no
 * regex that can backtrack over the text, so a hostile body costs time linear in its size.
 */

/** `<Token`, `<x:Token`, `<token` (any case: hiding too much is harmless) as a whole name. */
const TOKEN_OPEN = /<(?:[a-z_][\w.-]*:)?token(?=[\s/>])/gi;
/** What ends a Token element's content, and what may hide a false end inside it. */
const TOKEN_CONTENT_STOP = /<\/(?:[a-z_][\w.-]*:)?token\s*>|<!--|<!\[CDATA\[/gi;

/** Where the content that starts at `from` ends: its closing tag, or the end of the text. */
function tokenContentEnd(text: string, from: number): number {
	TOKEN_CONTENT_STOP.lastIndex = from;
	for (;;) {
		const stop = TOKEN_CONTENT_STOP.exec(text);
		if (!stop) return text.length;
		if (stop[0][1] !== '!') return stop.index;
		// A comment or CDATA section: a `</Token>` inside it is text, skip to its end.
		const end = text.indexOf(stop[0] === '<!--' ? '-->' : ']]>', TOKEN_CONTENT_STOP.lastIndex);
		if (end < 0) return text.length;
		TOKEN_CONTENT_STOP.lastIndex = end + 3;
	}
}

/**
 * Replaces the content of every Token element with `***`, comments, CDATA and child elements
 * inside it included (`<Token>ab<!-- </Token> -->cd</Token>` keeps nothing of `abcd`); an
 * unclosed `<Token>` hides everything after it.
 */
export function redactTokenElements(text: string): string {
	let out = '';
	let copied = 0;
	TOKEN_OPEN.lastIndex = 0;
	for (let open = TOKEN_OPEN.exec(text); open; open = TOKEN_OPEN.exec(text)) {
		const tagEnd = text.indexOf('>', TOKEN_OPEN.lastIndex);
		if (tagEnd < 0) break; // no '>' left anywhere: no element content follows
		if (text[tagEnd - 1] === '/') {
			TOKEN_OPEN.lastIndex = tagEnd + 1; // <Token/>: empty
			continue;
		}
		const contentEnd = tokenContentEnd(text, tagEnd + 1);
		out += `${text.slice(copied, tagEnd + 1)}***`;
		copied = contentEnd;
		if (contentEnd >= text.length) break;
		TOKEN_OPEN.lastIndex = contentEnd;
	}
	return out + text.slice(copied);
}

/** Named XML escapes of the five special characters. */
const XML_NAMED: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
};

function escapeRegExp(text: string): string {
	return text.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');
}

/** Every way one character of a secret may be written back: as is, XML-escaped, percent-encoded, JSON-escaped. */
function characterForms(character: string): string[] {
	const code = character.codePointAt(0) as number;
	const hex = code.toString(16);
	const percent = [...Buffer.from(character, 'utf8')]
		.map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
		.join('');
	// JSON's \uXXXX: one escape per UTF-16 unit (two for a character beyond the BMP).
	const jsonEscape = [...Array(character.length).keys()]
		.map((i) => `\\u${character.charCodeAt(i).toString(16).padStart(4, '0')}`)
		.join('');
	const forms = new Set([character, `&#${code};`, `&#x${hex};`, percent, jsonEscape]);
	if (XML_NAMED[character] !== undefined) forms.add(XML_NAMED[character]);
	if (character === ' ') forms.add('+');
	if (character === '"' || character === '\\' || character === '/') forms.add(`\\${character}`);
	return [...forms];
}

/**
 * The secret as it shows inside any base64 text (standard or URL-safe), at each of the three
 * byte alignments it can start at: only the characters that depend on the secret's bytes alone,
 * so the match does not depend on what was encoded around it (an `e-mail:token` pair, say).
 */
function base64Forms(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const forms: string[] = [];
	for (let offset = 0; offset < 3; offset++) {
		const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
		// Character i carries bits 6i..6i+5: keep those that lie wholly within the secret's bytes.
		const first = Math.ceil((8 * offset) / 6);
		const last = Math.floor((8 * (offset + bytes.length)) / 6) - 1;
		const core = encoded.slice(first, last + 1);
		if (core.length >= 4) forms.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return forms;
}

/**
 * A pattern for `secret` in any mix of its plain, XML-escaped (`&amp;`, `&#38;`, `&#x26;`),
 * percent-encoded (`%26`, `%c3%a9`) and JSON-escaped (`\u0026`) characters, in any letter case
 * (a server may upper-case what it echoes; hiding too much is harmless), or base64-encoded. One
 * fixed alternation per character, no quantifier, so matching is linear in the text.
 */
export function secretPattern(secret: string): RegExp {
	const characters = [...secret]
		.map((character) => `(?:${characterForms(character).map(escapeRegExp).join('|')})`)
		.join('');
	const encoded = [...new Set(base64Forms(secret))].map(escapeRegExp);
	return new RegExp([characters, ...encoded].join('|'), 'gi');
}
