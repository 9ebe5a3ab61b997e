/**
 * Elements a v3 answer may carry beyond the v2.1 WSDL: only those ../shared/nmbrs-api/REFERENCE.md
 * records, each with the words it records them in (a test finds them there). Anything else
 * undeclared in an answer fails validation. The XML type is the WSDL's where the same field
 * exists on a sibling type (Contract_v2, Salary_V2, AbsenceV2), else text.
 */
export interface V3Addition {
	/** The WSDL complex type (or a base of it) the element is added to. */
	type: string;
	field: string;
	/** The element's type, written as the WSDL does (`s:int`, `tns:AbsenceCause`); absent: text. */
	xsdType?: string;
	nillable: boolean;
	/** Words of REFERENCE.md that record the addition (the test finds them there verbatim). */
	reference: string;
}

const PERSONAL_INFO = 'v3 adds `CreationDate`** (LarsKluijtmans)';
const SALARY = '(v3 adds `ID`, `CreationDate`)';
const CONTRACT =
	'Contract fields (v3): `ContractID`, `CreationDate`, `StartDate`, `TrialPeriod`, `EndDate`, ' +
	'`EmployementType` *(sic)*, `EmploymentSequenceTaxId`, `Indefinite`, `PhaseClassification`, ' +
	'`WrittenContract`, `HoursPerWeek`';
const ABSENCE = '(v3 adds `AbsenceCause` { `CauseId`, `Cause` })';
const KNOWN_DELTAS =
	'extra fields (`PersonalInfo.CreationDate`, `Absence.AbsenceCause`, `Address.Type`, ' +
	'`Contract.CreationDate/WrittenContract/HoursPerWeek`, `Salary.ID/CreationDate`)';

export const ALLOWED_V3_ADDITIONS: readonly V3Addition[] = [
	{
		type: 'PersonalInfo',
		field: 'CreationDate',
		xsdType: 's:dateTime',
		nillable: true,
		reference: PERSONAL_INFO,
	},
	{ type: 'Salary', field: 'ID', xsdType: 's:int', nillable: false, reference: SALARY },
	{
		type: 'Salary',
		field: 'CreationDate',
		xsdType: 's:dateTime',
		nillable: true,
		reference: SALARY,
	},
	// The two WSDL contract records each lack some of the v3 contract fields.
	{
		type: 'EmployeeContract',
		field: 'PhaseClassification',
		xsdType: 's:int',
		nillable: true,
		reference: CONTRACT,
	},
	{
		type: 'EmployeeContract',
		field: 'WrittenContract',
		xsdType: 's:boolean',
		nillable: true,
		reference: CONTRACT,
	},
	{
		type: 'EmployeeContract',
		field: 'HoursPerWeek',
		xsdType: 's:decimal',
		nillable: true,
		reference: CONTRACT,
	},
	{
		type: 'Contract_v2',
		field: 'CreationDate',
		xsdType: 's:dateTime',
		nillable: true,
		reference: CONTRACT,
	},
	{
		type: 'Contract_v2',
		field: 'WrittenContract',
		xsdType: 's:boolean',
		nillable: true,
		reference: CONTRACT,
	},
	{
		type: 'Contract_v2',
		field: 'HoursPerWeek',
		xsdType: 's:decimal',
		nillable: true,
		reference: CONTRACT,
	},
	{
		type: 'Absence',
		field: 'AbsenceCause',
		xsdType: 'tns:AbsenceCause',
		nillable: false,
		reference: ABSENCE,
	},
	// Its XML type is recorded nowhere: any text.
	{ type: 'Address', field: 'Type', nillable: false, reference: KNOWN_DELTAS },
];

/** The line of REFERENCE.md (its text) that records the addition, if it does. */
export function referenceLine(addition: V3Addition, reference: string): number | undefined {
	const at = reference.indexOf(addition.reference);
	return at < 0 ? undefined : reference.slice(0, at).split('\n').length;
}
