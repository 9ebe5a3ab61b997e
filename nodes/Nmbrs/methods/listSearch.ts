/** The list searches of the resource locators (company, debtor, employee, run, declaration). */
export { locatorSearches as listSearch } from '../resources/shared/locators';
