/**
 * The XML libraries the wire codec reads with: saxes (SOAP answers, streaming and strict) and
 * fast-xml-parser (XML documents carried inside an answer). The build bundles this file with them
 * into one module in dist/ (scripts/build-vendor.js), so the package has no runtime dependencies;
 * the codec loads it at its first use, not when n8n loads the node.
 */
export { SaxesParser } from 'saxes';
export type { SaxesTagNS } from 'saxes';
export { XMLParser, XMLValidator } from 'fast-xml-parser';
