import { EXCEL_NAMESPACE } from '../../core/excel-namespace';

/**
 * The Excel add-in-only manifest (the unified JSON manifest does not support custom functions).
 * Shared runtime: the task pane page also hosts the functions, so they can share state with it;
 * its ShowTaskpane action therefore carries no TaskpaneId (Microsoft's shared-runtime guidance:
 * one task pane, the runtime's page). The version comes from package.json, one distinct manifest
 * version per package version (Excel caches function metadata per version).
 * ExcelApi 1.8: the dashboard applier sets chart axis number formats (office-addin/dashboard).
 */
export interface ManifestOptions {
  version: string;
  /** Where dist/office-addin is served, e.g. https://localhost:3000 (no trailing slash). */
  baseUrl: string;
  /**
   * Other origins Office must trust (pages opened in the task pane from another domain). The
   * hosting origin is trusted already: listing it again has no effect, so it is refused.
   */
  appDomains?: readonly string[];
  /** The support page AppSource shows (https); default: the add-in's own function reference, help.html. */
  supportUrl?: string;
}

const ADDIN_ID = '5d1c0a3e-7b3f-4c1e-9a52-6f0e4b8d2c71';

export function manifestXml({ version, baseUrl, appDomains, supportUrl }: ManifestOptions): string {
  const v4 = toFourPartVersion(version);
  const domains = checkAppDomains(appDomains ?? [], baseUrl);
  const url = (file: string) => escapeXml(`${baseUrl}/${file}`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
           xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
           xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides"
           xsi:type="TaskPaneApp">
  <Id>${ADDIN_ID}</Id>
  <Version>${v4}</Version>
  <ProviderName>KPI Pilot</ProviderName>
  <DefaultLocale>en-US</DefaultLocale>
  <DisplayName DefaultValue="KPI Pilot"/>
  <Description DefaultValue="Marketing and sales KPIs as Excel functions (${EXCEL_NAMESPACE}.CAC, ${EXCEL_NAMESPACE}.LTV, ${EXCEL_NAMESPACE}.ROMI...) and dashboards with goals and owners."/>
  <IconUrl DefaultValue="${url('assets/icon-32.png')}"/>
  <HighResolutionIconUrl DefaultValue="${url('assets/icon-64.png')}"/>
  <SupportUrl DefaultValue="${supportUrl ? escapeXml(checkHttps(supportUrl, 'support URL')) : url('help.html')}"/>
${domains.length ? `  <AppDomains>\n${domains.map((d) => `    <AppDomain>${escapeXml(d)}</AppDomain>\n`).join('')}  </AppDomains>\n` : ''}  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="SharedRuntime" MinVersion="1.1"/>
      <Set Name="ExcelApi" MinVersion="1.8"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${url('taskpane.html')}"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <Runtimes>
          <Runtime resid="Taskpane.Url" lifetime="long"/>
        </Runtimes>
        <AllFormFactors>
          <ExtensionPoint xsi:type="CustomFunctions">
            <Script>
              <SourceLocation resid="Functions.Script.Url"/>
            </Script>
            <Page>
              <SourceLocation resid="Taskpane.Url"/>
            </Page>
            <Metadata>
              <SourceLocation resid="Functions.Metadata.Url"/>
            </Metadata>
            <Namespace resid="Functions.Namespace"/>
          </ExtensionPoint>
        </AllFormFactors>
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="Help.Url"/>
          </GetStarted>
          <FunctionFile resid="Taskpane.Url"/>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="KPIPilot.Group">
                <Label resid="Group.Label"/>
                <Icon>
                  <bt:Image size="16" resid="Icon.16"/>
                  <bt:Image size="32" resid="Icon.32"/>
                  <bt:Image size="80" resid="Icon.80"/>
                </Icon>
                <Control xsi:type="Button" id="KPIPilot.OpenPane">
                  <Label resid="Button.Label"/>
                  <Supertip>
                    <Title resid="Button.Label"/>
                    <Description resid="Button.Tooltip"/>
                  </Supertip>
                  <Icon>
                    <bt:Image size="16" resid="Icon.16"/>
                    <bt:Image size="32" resid="Icon.32"/>
                    <bt:Image size="80" resid="Icon.80"/>
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16" DefaultValue="${url('assets/icon-16.png')}"/>
        <bt:Image id="Icon.32" DefaultValue="${url('assets/icon-32.png')}"/>
        <bt:Image id="Icon.80" DefaultValue="${url('assets/icon-80.png')}"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Functions.Script.Url" DefaultValue="${url('functions.js')}"/>
        <bt:Url id="Functions.Metadata.Url" DefaultValue="${url('functions.json')}"/>
        <bt:Url id="Taskpane.Url" DefaultValue="${url('taskpane.html')}"/>
        <bt:Url id="Help.Url" DefaultValue="${url('help.html')}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="Functions.Namespace" DefaultValue="${EXCEL_NAMESPACE}"/>
        <bt:String id="GetStarted.Title" DefaultValue="KPI Pilot is ready"/>
        <bt:String id="Group.Label" DefaultValue="KPI Pilot"/>
        <bt:String id="Button.Label" DefaultValue="KPI Pilot"/>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="GetStarted.Description" DefaultValue="Type =${EXCEL_NAMESPACE}. in a cell to see the KPI functions, or open KPI Pilot from the Home tab."/>
        <bt:String id="Button.Tooltip" DefaultValue="Pick KPIs, set goals and generate dashboard sheets."/>
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}

const PRERELEASE_STAGES: Record<string, number> = { alpha: 1, beta: 2, rc: 3 };
const RELEASE_BUILD = 999;

/**
 * package.json's semantic version as Office's four numeric parts, one distinct value per version
 * and in the same order: a release X.Y.Z is X.Y.Z.999; its prereleases come before it,
 * X.Y.Z-alpha.N = X.Y.Z.(100 + N), -beta.N = X.Y.Z.(200 + N), -rc.N = X.Y.Z.(300 + N), N 0..99
 * (no number = 0). Build metadata (+...) does not change the version, as in semver. Anything else
 * is refused with the forms that work, rather than collapsing onto another version's number.
 * @example toFourPartVersion('1.2.3') // => '1.2.3.999'
 * @example toFourPartVersion('1.2.3-beta.4') // => '1.2.3.204'
 */
export function toFourPartVersion(version: string): string {
  const m = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  if (!m)
    throw new Error(`package.json version "${version}" is not X.Y.Z (each part at most 5 digits), optionally -alpha.N, -beta.N or -rc.N`);
  const [, major, minor, patch, pre] = m;
  const base = [major, minor, patch].map((p) => String(Number(p))).join('.');
  if (pre === undefined) return `${base}.${RELEASE_BUILD}`;
  const p = /^(alpha|beta|rc)(?:\.?(\d{1,2}))?$/.exec(pre);
  if (!p)
    throw new Error(
      `prerelease "${pre}" of version "${version}": use -alpha.N, -beta.N or -rc.N with N from 0 to 99, so each build gets its own manifest version`,
    );
  return `${base}.${PRERELEASE_STAGES[p[1]] * 100 + Number(p[2] ?? 0)}`;
}

function checkHttps(value: string, what: string): string {
  if (!/^https:\/\/[^/\s]+/.test(value))
    throw new Error(`The ${what} "${value}" must be an https:// address (AppSource and Office require HTTPS)`);
  return value;
}

/** AppDomain values are bare origins (scheme, host, port): no path, no trailing slash, not the hosting origin. */
function checkAppDomains(domains: readonly string[], baseUrl: string): string[] {
  const hosting = new URL(baseUrl).origin;
  return domains.map((d) => {
    let origin: string;
    try {
      origin = new URL(d).origin;
    } catch {
      throw new Error(`AppDomain "${d}" is not a URL: write the origin, e.g. https://example.com`);
    }
    if (origin === 'null' || !/^https?:$/.test(new URL(d).protocol))
      throw new Error(`AppDomain "${d}" must start with https:// or http://`);
    if (d !== origin) throw new Error(`AppDomain "${d}" carries more than an origin: write ${origin} (no path, no trailing slash)`);
    if (origin === hosting)
      throw new Error(`AppDomain "${d}" is where the add-in is served from (${baseUrl}), which Office trusts already: leave it out`);
    return origin;
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
