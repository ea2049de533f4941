/**
 * `npm run test:unit`: every suite but those that drive Chromium or LibreOffice. The host suites
 * load the built bundles, so build first (`npm run build`, or keep `npm run build:dev` watching).
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  // Both cores: these suites are CPU-bound and independent (jest's default leaves one core idle).
  maxWorkers: '100%',
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/xlsx/(browser|libreoffice|share-ready)\\.test\\.ts$'],
};
