/** The list searches: the resource locators (company, debtor, employee, run, declaration) and Custom Call's operations. */
import { searchOperations } from './searchOperations';
import { locatorSearches, type ListSearch } from '../common/locators';

export const listSearch: Record<string, ListSearch> = { ...locatorSearches, searchOperations };
