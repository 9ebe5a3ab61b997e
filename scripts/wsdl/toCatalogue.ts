/**
 * Turns the facts of one WSDL into catalogue shapes, keeping the WSDL's own XML types
 * (`dateTime`, `string`): no curation happens here. The generator writes the result;
 * the contract test compares curated entries against it.
 */
import type {
	Catalogue,
	ComplexType,
	Field,
	FieldType,
	Operation,
	ScalarType,
	ServiceName,
} from '../../nodes/Nmbrs/catalogue/types';
import { GENERATED_SOURCE_NOTE, guessAccess } from '../../nodes/Nmbrs/catalogue/generatedCatalogue';
import type { WsdlComplexType, WsdlElement, WsdlFacts, WsdlTypeRef } from './readWsdl';

const XSD_SCALARS: Record<string, ScalarType> = {
	string: 'string',
	int: 'int',
	long: 'long',
	decimal: 'decimal',
	double: 'double',
	boolean: 'boolean',
	dateTime: 'dateTime',
	guid: 'guid',
	base64Binary: 'base64Binary',
	anyType: 'anyType',
};

/** An `ArrayOfX` wrapper: no base, exactly one repeated child. */
export function isListWrapper(type: WsdlComplexType): boolean {
	return !type.base && type.fields.length === 1 && type.fields[0].maxOccurs > 1;
}

export function wsdlToCatalogue(facts: WsdlFacts, service: ServiceName | string): Catalogue {
	const types: Record<string, ComplexType> = {};
	const anonymous: Array<{ name: string; fieldsJson: string }> = [];

	const scalar = (ref: WsdlTypeRef): ScalarType => {
		const mapped = XSD_SCALARS[ref.name];
		if (!mapped)
			throw new Error(
				`WSDL uses xs:${ref.name}; add it to XSD_SCALARS in scripts/wsdl/toCatalogue.ts`,
			);
		return mapped;
	};

	const nameAnonymous = (elementName: string, type: WsdlComplexType): string => {
		const fields = convertFields(type.fields, elementName);
		const fieldsJson = JSON.stringify(fields);
		const same = anonymous.find(
			(a) =>
				a.fieldsJson === fieldsJson &&
				(a.name === elementName || a.name.startsWith(`${elementName}_`)),
		);
		if (same) return same.name;
		let name = elementName;
		for (let n = 2; types[name] || facts.complexTypes.has(name); n++) name = `${elementName}_${n}`;
		anonymous.push({ name, fieldsJson });
		types[name] = {
			name,
			fields,
			source: 'wsdl',
			note: 'anonymous type in the WSDL, named after its element',
		};
		return name;
	};

	const convertField = (element: WsdlElement, owner: string): Field => {
		let type: FieldType;
		let listItem: string | undefined;
		if (element.maxOccurs > 1)
			throw new Error(`${owner}.${element.name} repeats outside an ArrayOf wrapper`);
		if (element.inline) {
			type = `type:${nameAnonymous(element.name, element.inline)}`;
		} else if (!element.type) {
			type = 'anyType';
		} else if (element.type.kind === 'xsd') {
			type = scalar(element.type);
		} else if (facts.enums.has(element.type.name)) {
			type = `enum:${element.type.name}`;
		} else {
			const complex = facts.complexTypes.get(element.type.name);
			if (!complex)
				throw new Error(`${owner}.${element.name} refers to unknown type ${element.type.name}`);
			if (isListWrapper(complex)) {
				const item = complex.fields[0];
				listItem = item.name;
				type = convertField({ ...item, maxOccurs: 1 }, complex.name).type;
			} else {
				type = `type:${complex.name}`;
			}
		}
		const field: Field = { name: element.name, type };
		if (listItem !== undefined) field.listItem = listItem;
		if (element.minOccurs === 0) field.optional = true;
		if (element.nillable) field.nillable = true;
		return field;
	};
	const convertFields = (elements: WsdlElement[], owner: string): Field[] =>
		elements.map((e) => convertField(e, owner));

	for (const complex of facts.complexTypes.values()) {
		if (isListWrapper(complex)) continue;
		const converted: ComplexType = {
			name: complex.name,
			fields: convertFields(complex.fields, complex.name),
			source: 'wsdl',
		};
		if (complex.base) converted.base = complex.base.name;
		types[complex.name] = converted;
	}

	const operations: Operation[] = [];
	for (const op of facts.operations) {
		const input = facts.elements.get(op.inputElement)?.inline;
		const output = facts.elements.get(op.outputElement)?.inline;
		if (!input || !output)
			throw new Error(`WSDL operation ${op.name}: wrapper element without inline type`);
		const params = convertFields(input.fields, op.name);
		const results = convertFields(output.fields, `${op.name}Response`);
		if (results.length > 1)
			throw new Error(`WSDL operation ${op.name} has ${results.length} result elements`);
		const operation: Operation = {
			service: service as ServiceName,
			name: op.name,
			params,
			auth: 'AuthHeaderWithDomain',
			access: guessAccess(op.name),
			source: 'wsdl',
			sourceNote: GENERATED_SOURCE_NOTE,
		};
		if (results[0]) operation.result = results[0];
		operations.push(operation);
	}

	const enums: Record<string, string[]> = {};
	for (const [name, values] of facts.enums) enums[name] = [...values];

	return { operations, types, enums };
}
