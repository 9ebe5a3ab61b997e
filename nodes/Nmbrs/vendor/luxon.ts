/**
 * Luxon's DateTime, for periods and "this year" in Dutch time. The build bundles this file with
 * luxon into a module in dist/ (scripts/build-vendor.js), so the package has no runtime dependencies.
 */
export { DateTime } from 'luxon';
