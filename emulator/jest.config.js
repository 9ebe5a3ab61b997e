/** The emulator's own tests (npm test -w nmbrs-emulator); the repository's npm test runs them too. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.test.json' }] },
	testTimeout: 30000,
};
