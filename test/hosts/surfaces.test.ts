import { readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FUNCTIONS } from '../../core/functions';
import { DIST, loadAppsScript, loadExcelFunctions } from '../support/hosts';
import { EXCEL_NAMESPACE } from '../../core/excel-namespace';
import { toFourPartVersion } from '../../scripts/generate/manifest';

const registry = FUNCTIONS.map((f) => ({ name: f.name, params: f.params.map((p) => p.name) }));

describe('Apps Script output', () => {
  const code = readFileSync(join(DIST, 'apps-script/functions.js'), 'utf8');
  const core = readFileSync(join(DIST, 'apps-script/kpi-core.js'), 'utf8');

  it('declares exactly the registry functions, as top-level functions with their parameters', () => {
    const declared = [...code.matchAll(/^function ([A-Z_0-9]+)\(([^)]*)\)/gm)].map((m) => ({
      name: m[1],
      params: m[2] ? m[2].split(', ') : [],
    }));
    expect(declared).toEqual(registry);
  });

  it('gives each one @customfunction JSDoc with one @param per parameter, in order', () => {
    for (const fn of FUNCTIONS) {
      const doc = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${fn.name}\\(`).exec(code);
      expect(doc).not.toBeNull();
      const body = doc![1];
      expect(body).toContain('@customfunction');
      const params = [...body.matchAll(/@param \{[^}]+\} \[?([A-Za-z_0-9]+)\]?/g)].map((m) => m[1]);
      expect(params).toEqual(fn.params.map((p) => p.name));
    }
  });

  it('uses nothing the Apps Script V8 lacks', () => {
    for (const src of [code, core]) {
      expect(src).not.toMatch(/^\s*(import|export)\s/m);
      expect(src).not.toMatch(/\bsetTimeout\b|\bfetch\(|\bTextEncoder\b|\brequire\(/);
      expect(src).not.toMatch(/#[a-zA-Z_]+\s*[=;(]/); // private class fields
    }
  });

  it('has the menu triggers and the narrowest scopes (the last three only for the optional daily alert e-mail)', () => {
    const context = loadAppsScript();
    expect(typeof context.onOpen).toBe('function');
    expect(typeof context.onInstall).toBe('function');
    const manifest = JSON.parse(readFileSync(join(DIST, 'apps-script/appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });

  it('builds the menu through SpreadsheetApp on open', () => {
    const items: string[][] = [];
    const menu = { addItem: (label: string, fn: string) => (items.push([label, fn]), menu), addToUi: () => undefined };
    const context = loadAppsScript();
    context.SpreadsheetApp = { getUi: () => ({ createAddonMenu: () => menu }) };
    context.onOpen({ authMode: 'NONE' });
    expect(items.map((i) => i[1])).toContain('showSidebar');
    for (const [, fn] of items) expect(typeof context[fn]).toBe('function');
  });
});

describe('Excel output', () => {
  const metadata = JSON.parse(readFileSync(join(DIST, 'office-addin/functions.json'), 'utf8'));

  it('functions.json lists exactly the registry functions with valid ids and types', () => {
    expect(
      metadata.functions.map((f: { id: string; parameters: { name: string }[] }) => ({
        name: f.id,
        params: f.parameters.map((p) => p.name),
      })),
    ).toEqual(registry);
    for (const f of metadata.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(f.name).toBe(f.id);
      expect(['number', 'string', 'boolean', 'any']).toContain(f.result.type);
      expect(['scalar', 'matrix']).toContain(f.result.dimensionality);
      let seenOptional = false;
      for (const p of f.parameters) {
        expect(['number', 'string', 'boolean', 'any']).toContain(p.type);
        expect(['scalar', 'matrix']).toContain(p.dimensionality);
        if (p.optional) seenOptional = true;
        else expect(seenOptional).toBe(false); // Excel: no required parameter after an optional one
      }
    }
  });

  it('ranges are matrix parameters and tables matrix results', () => {
    for (const fn of FUNCTIONS) {
      const f = metadata.functions.find((m: { id: string }) => m.id === fn.name);
      fn.params.forEach((p, i) => expect(f.parameters[i].dimensionality).toBe(p.kind === 'range' ? 'matrix' : 'scalar'));
      expect(f.result.dimensionality).toBe(fn.result === 'table' ? 'matrix' : 'scalar');
    }
  });

  it('functions.js associates every id, once, with no DOM', () => {
    const { functions } = loadExcelFunctions();
    expect([...functions.keys()]).toEqual(FUNCTIONS.map((f) => f.name));
  });

  it('manifest.xml is well-formed, shared-runtime, namespace KPIPILOT, versioned from package.json, pointing into dist', () => {
    const xml = readFileSync(join(DIST, 'office-addin/manifest.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).OfficeApp;
    const version = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version;
    expect(doc.Version).toBe(toFourPartVersion(version));
    expect(doc.Id).toMatch(/^[0-9a-f-]{36}$/);
    const sets = [doc.Requirements.Sets.Set].flat().map((x: Record<string, string>) => `${x['@Name']} ${x['@MinVersion']}`);
    expect(sets).toEqual(['SharedRuntime 1.1', 'ExcelApi 1.8']);
    const host = doc.VersionOverrides.Hosts.Host;
    expect(host.AllFormFactors.ExtensionPoint['@xsi:type']).toBe('CustomFunctions');
    expect(host.Runtimes.Runtime['@lifetime']).toBe('long');
    const strings = [doc.VersionOverrides.Resources['bt:ShortStrings']['bt:String']].flat();
    expect(strings.find((s: Record<string, string>) => s['@id'] === 'Functions.Namespace')['@DefaultValue']).toBe(EXCEL_NAMESPACE);
    const urls = [
      ...[doc.VersionOverrides.Resources['bt:Urls']['bt:Url']].flat(),
      ...[doc.VersionOverrides.Resources['bt:Images']['bt:Image']].flat(),
    ].map((u: Record<string, string>) => u['@DefaultValue']);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const file = url.replace(/^https:\/\/localhost:3000\//, '');
      expect(existsSync(join(DIST, 'office-addin', file))).toBe(true);
    }
  });
});
