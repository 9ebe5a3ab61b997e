/**
 * A minimal, valid PDF 1.4 writer: one page per entry, Helvetica text lines, a correct xref table
 * and trailer, so payslips and annual statements open in any PDF viewer. Text is WinAnsi (Latin-1
 * subset); characters outside it become '?'.
 */

export interface PdfPage {
	/** Lines from the top; a line starting with '# ' is printed as a bold heading. */
	lines: string[];
}

function pdfText(text: string): string {
	let out = '';
	for (const char of text) {
		const code = char.codePointAt(0) ?? 63;
		const safe = code >= 32 && code <= 255 && code !== 127 ? char : '?';
		out += safe === '(' || safe === ')' || safe === '\\' ? `\\${safe}` : safe;
	}
	return out;
}

function pageContent(page: PdfPage): string {
	const parts = ['BT', '14 TL', '50 790 Td'];
	for (const line of page.lines) {
		const heading = line.startsWith('# ');
		parts.push(
			heading ? '/F2 13 Tf' : '/F1 10 Tf',
			`(${pdfText(heading ? line.slice(2) : line)}) Tj`,
			'T*',
		);
	}
	parts.push('ET');
	return parts.join('\n');
}

/** `info.creationDate` as 'YYYY-MM-DDTHH:mm:ss' (the world clock, so documents are deterministic). */
export function buildPdf(pages: PdfPage[], info: { title: string; creationDate: string }): Buffer {
	const objects: string[] = [];
	const pageCount = Math.max(pages.length, 1);
	const firstPageObject = 6;
	const kids = Array.from({ length: pageCount }, (_, i) => `${firstPageObject + i * 2} 0 R`).join(
		' ',
	);
	objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
	objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`;
	objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
	objects[4] =
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
	const d = info.creationDate.replace(/[-T:]/g, '');
	objects[5] = `<< /Title (${pdfText(info.title)}) /Producer (n8n-nodes-nmbrs emulator) /CreationDate (D:${d}) >>`;
	(pages.length > 0 ? pages : [{ lines: [] }]).forEach((page, i) => {
		const pageNumber = firstPageObject + i * 2;
		const content = pageContent(page);
		objects[pageNumber] =
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageNumber + 1} 0 R >>`;
		objects[pageNumber + 1] =
			`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
	});

	// Byte offsets must be exact: build in latin1 and count bytes, not characters.
	let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	for (let n = 1; n < objects.length; n++) {
		offsets[n] = Buffer.byteLength(body, 'latin1');
		body += `${n} 0 obj\n${objects[n]}\nendobj\n`;
	}
	const xrefOffset = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
	for (let n = 1; n < objects.length; n++)
		body += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}
