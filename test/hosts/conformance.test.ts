/**
 * The generated add-in files against the platforms' documented rules (run after npm run build):
 * Sheets' JSDoc help, the Office manifest (shared runtime, AppDomain, version), the Excel
 * namespace and function names, the deploy tooling and the files a publisher needs.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { XMLParser } from 'fast-xml-parser';
import { FUNCTIONS } from '../../core/functions';
import { EXCEL_NAMESPACE } from '../../core/excel-namespace';
import { manifestXml, toFourPartVersion } from '../../scripts/generate/manifest';
import { appsScriptManifest } from '../../scripts/generate/apps-script';
import { ALERT_SCOPES } from '../../apps-script/dashboard/scopes';
import { DIST } from '../support/hosts';

const ROOT = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const parseManifest = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).OfficeApp;

describe('Sheets custom-function stubs', () => {
  const code = readFileSync(join(DIST, 'apps-script/functions.js'), 'utf8');

  it('name optional parameters without JSDoc brackets, which Sheets would show as part of the name', () => {
    const params = [...code.matchAll(/@param \{[^}]+\} (\S+)/g)].map((m) => m[1]);
    expect(params.length).toBe(FUNCTIONS.reduce((n, f) => n + f.params.length, 0));
    expect(params.filter((p) => /[[\]]/.test(p))).toEqual([]);
  });

  it('say "Optional" first in the description of each optional parameter, and only there', () => {
    for (const fn of FUNCTIONS) {
      const block = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${fn.name}\\(`).exec(code)![1];
      for (const p of fn.params) {
        const doc = new RegExp(`@param \\{[^}]+\\} ${p.name} (.*)`).exec(block);
        expect(doc).not.toBeNull();
        expect(doc![1].startsWith('Optional')).toBe(Boolean(p.optional));
      }
    }
    // one worked case: CAC's third parameter
    expect(code).toContain('@param {number[][]} sales_spend Optional. ');
  });
});

describe('Excel manifest', () => {
  const xml = readFileSync(join(DIST, 'office-addin/manifest.xml'), 'utf8');
  const doc = parseManifest(xml);

  it('runs the task pane in the long-lived shared runtime without a TaskpaneId', () => {
    expect(doc.VersionOverrides.Hosts.Host.Runtimes.Runtime['@lifetime']).toBe('long');
    expect(xml).toContain('xsi:type="ShowTaskpane"');
    expect(xml).not.toMatch(/TaskpaneId/);
  });

  it('lists no AppDomain by default: the hosting origin is trusted already', () => {
    expect(xml).not.toMatch(/AppDomain/);
  });

  it('writes extra AppDomains as bare origins and refuses the hosting origin, paths and trailing slashes', () => {
    const base = { version: '1.0.0', baseUrl: 'https://addin.example.com/kpi-pilot' };
    const extra = parseManifest(manifestXml({ ...base, appDomains: ['https://login.example.org'] }));
    expect(extra.AppDomains.AppDomain).toBe('https://login.example.org');
    expect(() => manifestXml({ ...base, appDomains: ['https://addin.example.com'] })).toThrow(/served from .* leave it out/);
    expect(() => manifestXml({ ...base, appDomains: ['https://login.example.org/auth'] })).toThrow(
      'write https://login.example.org (no path, no trailing slash)',
    );
    expect(() => manifestXml({ ...base, appDomains: ['https://login.example.org/'] })).toThrow(/no trailing slash/);
    expect(() => manifestXml({ ...base, appDomains: ['login.example.org'] })).toThrow(/not a URL|https:\/\//);
    // the add-in's own URLs may carry a path: only AppDomain may not
    expect(manifestXml(base)).toContain('https://addin.example.com/kpi-pilot/taskpane.html');
  });

  it('points SupportUrl at the function reference, or at the https support page of the publisher', () => {
    const base = { version: '1.0.0', baseUrl: 'https://addin.example.com/kpi-pilot' };
    expect(parseManifest(manifestXml(base)).SupportUrl['@DefaultValue']).toBe('https://addin.example.com/kpi-pilot/help.html');
    expect(parseManifest(manifestXml({ ...base, supportUrl: 'https://example.com/support?a=1&b=2' })).SupportUrl['@DefaultValue']).toBe(
      'https://example.com/support?a=1&b=2',
    );
    expect(() => manifestXml({ ...base, supportUrl: 'http://example.com/support' })).toThrow(/must be an https:\/\/ address/);
  });

  it('takes its version from package.json, one manifest version per package version', () => {
    const version = JSON.parse(read('package.json')).version;
    expect(doc.Version).toBe(toFourPartVersion(version));
  });

  it('gives prereleases distinct four-part versions that sort as semver does', () => {
    // semver order (semver.org item 11): 1.2.2 < 1.2.3-alpha < 1.2.3-alpha.1 < 1.2.3-beta.2 < 1.2.3-beta.11 < 1.2.3-rc.1 < 1.2.3 < 1.2.4-alpha.1 < 1.3.0
    const ordered = [
      '1.2.2',
      '1.2.3-alpha',
      '1.2.3-alpha.1',
      '1.2.3-beta.2',
      '1.2.3-beta.11',
      '1.2.3-rc.1',
      '1.2.3',
      '1.2.4-alpha.1',
      '1.3.0',
    ];
    const mapped = ordered.map(toFourPartVersion);
    expect(mapped).toEqual([
      '1.2.2.999',
      '1.2.3.100',
      '1.2.3.101',
      '1.2.3.202',
      '1.2.3.211',
      '1.2.3.301',
      '1.2.3.999',
      '1.2.4.101',
      '1.3.0.999',
    ]);
    const key = (v: string) =>
      v
        .split('.')
        .map((p) => p.padStart(5, '0'))
        .join('.');
    expect([...mapped].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(mapped);
    // the manifest schema's Version pattern: up to four parts of 1 to 5 digits
    for (const v of mapped) expect(v).toMatch(/^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/);
    expect(toFourPartVersion('1.2.3+build.7')).toBe('1.2.3.999');
    expect(() => toFourPartVersion('1.2.3-nightly.1')).toThrow(/-alpha.N, -beta.N or -rc.N/);
    expect(() => toFourPartVersion('1.2.3-beta.100')).toThrow(/0 to 99/);
    expect(() => toFourPartVersion('1.2')).toThrow(/not X.Y.Z/);
  });
});

describe('Excel namespace and function names (Microsoft custom-function naming guidance)', () => {
  const doc = parseManifest(readFileSync(join(DIST, 'office-addin/manifest.xml'), 'utf8'));
  const strings = [doc.VersionOverrides.Resources['bt:ShortStrings']['bt:String']].flat();

  it('the manifest namespace is the product name, upper case, within 32 characters', () => {
    expect(strings.find((s: Record<string, string>) => s['@id'] === 'Functions.Namespace')['@DefaultValue']).toBe(EXCEL_NAMESPACE);
    expect(EXCEL_NAMESPACE).toBe('KPIPILOT');
    expect(EXCEL_NAMESPACE).toMatch(/^[A-Z][A-Z0-9_]{2,31}$/);
  });

  it('every function id is upper case, starts with a letter, has 3+ characters of A-Z 0-9 _ . and is no cell reference', () => {
    const a1 = /^[A-Z]{1,3}[0-9]+$/;
    const r1c1 = /^R[0-9]+C[0-9]+$/;
    for (const { name } of FUNCTIONS) {
      expect(name).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(a1.test(name) || r1c1.test(name)).toBe(false);
    }
  });
});

describe('deploy tooling and publisher files', () => {
  const pkg = JSON.parse(read('package.json'));

  it('npm scripts run clasp and the Office tools from node_modules, never downloaded by npx', () => {
    const scripts = Object.values(pkg.scripts as Record<string, string>).join('\n');
    expect(scripts).not.toMatch(/\bnpx\b/);
    const tools: Record<string, string> = {
      clasp: '@google/clasp',
      'office-addin-debugging': 'office-addin-debugging',
      'office-addin-dev-certs': 'office-addin-dev-certs',
      'office-addin-manifest': 'office-addin-manifest',
    };
    for (const [bin, name] of Object.entries(tools)) {
      expect(scripts).toMatch(new RegExp(`(^|&& )${bin} `, 'm'));
      expect(pkg.devDependencies[name]).toMatch(/^\d+\.\d+\.\d+$/); // pinned: the lockfile's version, no range
      expect(existsSync(join(ROOT, 'node_modules/.bin', bin))).toBe(true);
    }
  });

  it('.clasp.json stays out of git and an example shows its two fields', () => {
    expect(read('.gitignore').split('\n')).toContain('.clasp.json');
    const example = JSON.parse(read('.clasp.json.example'));
    expect(Object.keys(example).sort()).toEqual(['rootDir', 'scriptId']);
    expect(example.rootDir).toBe('dist/apps-script');
  });

  it('a build without the daily e-mail asks for the two dashboard scopes only; the three e-mail scopes are the ones its code requires', () => {
    expect(JSON.parse(appsScriptManifest({ dailyEmail: false })).oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(JSON.parse(appsScriptManifest()).oauthScopes.slice(2)).toEqual([...ALERT_SCOPES]);
  });

  it('every OAuth scope of the Sheets manifest is explained in the publishing docs', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'apps-script/appsscript.json'), 'utf8'));
    const doc = read('docs/publishing/permissions.md');
    for (const scope of manifest.oauthScopes as string[]) {
      const short = scope.replace('https://www.googleapis.com/auth/', '');
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${short}\``));
      expect(row).toBeDefined();
      expect(row!.split('|').filter((c) => c.trim()).length).toBeGreaterThanOrEqual(3); // scope, what it allows, why
    }
  });
});
