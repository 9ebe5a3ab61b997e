/** The list searches: the resource locators (company, debtor, employee, run, declaration) and Custom Call's operations. */
import { searchOperations } from '../resources/customCall/searchOperations';
import { locatorSearches, type ListSearch } from '../resources/shared/locators';

export const listSearch: Record<string, ListSearch> = { ...locatorSearches, searchOperations };
