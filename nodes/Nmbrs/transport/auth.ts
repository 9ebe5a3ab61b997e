/**
 * Fills the empty auth header element that buildRequest writes. The credential's `authenticate`
 * and the tests' plain HTTP client both use this, so the header is written in one place only.
 */
import { escapeXml } from '../wire/writeXml';

export interface AuthValues {
	/** The API user's e-mail. */
	email: string;
	token: string;
	/** The tenant subdomain; left out of the header when empty. Ignored for AuthHeader. */
	domain?: string;
}

/** The empty auth header element buildRequest writes (groups: element name, namespace). */
export const AUTH_PLACEHOLDER = /<(AuthHeaderWithDomain|AuthHeader) xmlns="([^"]*)"\s*\/>/;
const FILLED = /<(?:AuthHeaderWithDomain|AuthHeader) xmlns="[^"]*">/;

/**
 * Returns the envelope with `<AuthHeaderWithDomain xmlns="ns"/>` replaced by
 * Username, Token, Domain (escaped, in WSDL order), or `<AuthHeader xmlns="ns"/>` by Username, Token.
 * An envelope whose header is already filled is returned unchanged (authenticate may run twice).
 * Throws when there is no auth header at all; the message never contains the token.
 */
export function fillAuthHeader(envelope: string, auth: AuthValues): string {
	const match = AUTH_PLACEHOLDER.exec(envelope);
	if (!match) {
		if (FILLED.test(envelope)) return envelope;
		throw new Error(
			'The Nmbrs request has no empty <AuthHeaderWithDomain/> or <AuthHeader/> element to put the credentials in; build the envelope with buildRequest() from the wire codec.',
		);
	}
	const [placeholder, element, namespace] = match as unknown as [string, string, string];
	const domain =
		element === 'AuthHeaderWithDomain' && auth.domain
			? `<Domain>${escapeXml(auth.domain)}</Domain>`
			: '';
	const filled =
		`<${element} xmlns="${namespace}"><Username>${escapeXml(auth.email)}</Username>` +
		`<Token>${escapeXml(auth.token)}</Token>${domain}</${element}>`;
	const at = match.index;
	return envelope.slice(0, at) + filled + envelope.slice(at + placeholder.length);
}
