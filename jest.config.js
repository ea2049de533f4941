/** Unit tests sit next to the code (core/**) or under test/; browser tests under test/e2e. */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/core',
    '<rootDir>/test',
    '<rootDir>/sidebar',
    '<rootDir>/apps-script',
    '<rootDir>/office-addin',
    '<rootDir>/playground',
  ].filter((p) => require('fs').existsSync(p.replace('<rootDir>', __dirname))),
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  testTimeout: 30000,
  setupFiles: ['<rootDir>/test/support/fast-check-seed.ts'],
};
