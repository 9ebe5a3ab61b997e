/** String enumerations (serialised as these names), values in WSDL order. */
export const enums: Record<string, string[]> = {
	Active: ['active', 'notActive', 'all'],
	AddressType: ['HomeAddress', 'PostAddress', 'AbsenceAddress', 'HolidaysAddress', 'WeekendAddress'],
	BankAccountType: ['None', 'Bankrekening1', 'Spaarloon', 'Bankrekening2', 'Bankrekening3', 'Bankrekening4', 'Bankrekening5', 'Standaard', 'Levensloop'],
	Gender: ['undefined', 'male', 'female'],
	LoonaangifteTijdvak: ['None', 'Month', 'Week4', 'Month6', 'Year'],
	SalaryType: ['None', 'Bruto_Salaris_Fulltime', 'Bruto_Salaris_Partime', 'Bruto_Uurloon', 'Netto_Salaris_Partime_incl_looncomp', 'Netto_Salaris_Partime_excl_looncomp', 'Netto_Uurloon_excl_looncomp', 'Werkgerverslasten', 'Netto_Uurloon_incl_looncomp'],
};
