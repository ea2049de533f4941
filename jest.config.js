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
  // Each file compiled on its own by SWC, as tsconfig.json's target and module say (ES2019, CommonJS;
  // class fields assigned in the constructor, as tsc does for that target). Type errors are the
  // type-check's job; tsconfig.json's isolatedModules makes it refuse code that needs the whole program.
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2019', transform: { useDefineForClassFields: false } },
        module: { type: 'commonjs' },
      },
    ],
  },
  testTimeout: 30000,
  setupFiles: ['<rootDir>/test/support/fast-check-seed.ts'],
  // Each test file runs in a vm context where reading a global (Math.log, new Map, Float64Array) is a
  // slow call through the context's global proxy, up to 30 times a plain read; numeric loops
  // (the customer-model fits, HyperFormula's evaluation) spend most of their time there. Jest passes
  // these into every module instead. Date and the timers stay global so fake timers can replace them.
  sandboxInjectedGlobals: [
    'Math',
    'Object',
    'Array',
    'Number',
    'String',
    'Boolean',
    'Symbol',
    'Map',
    'Set',
    'WeakMap',
    'WeakSet',
    'JSON',
    'Reflect',
    'RegExp',
    'Error',
    'TypeError',
    'RangeError',
    'ArrayBuffer',
    'Float64Array',
    'Float32Array',
    'Int32Array',
    'Int16Array',
    'Int8Array',
    'Uint32Array',
    'Uint16Array',
    'Uint8Array',
    'Infinity',
    'isNaN',
    'isFinite',
    'parseInt',
    'parseFloat',
  ],
};
