/**
 * The Excel add-in-only manifest (the unified JSON manifest does not support custom functions).
 * Shared runtime: the task pane page also hosts the functions, so they can share state with it.
 * The version comes from package.json: Excel caches function metadata for up to 24 h per version.
 * ExcelApi 1.8: the dashboard applier sets chart axis number formats (office-addin/dashboard).
 */
export interface ManifestOptions {
  version: string;
  /** Where dist/office-addin is served, e.g. https://localhost:3000 (no trailing slash). */
  baseUrl: string;
}

const ADDIN_ID = '5d1c0a3e-7b3f-4c1e-9a52-6f0e4b8d2c71';

export function manifestXml({ version, baseUrl }: ManifestOptions): string {
  const v4 = toFourPartVersion(version);
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
  <Description DefaultValue="Marketing and sales KPIs as Excel functions (KPI.CAC, KPI.LTV, KPI.ROMI...) and dashboards with goals and owners."/>
  <IconUrl DefaultValue="${url('assets/icon-32.png')}"/>
  <HighResolutionIconUrl DefaultValue="${url('assets/icon-64.png')}"/>
  <SupportUrl DefaultValue="${url('help.html')}"/>
  <AppDomains>
    <AppDomain>${escapeXml(baseUrl)}</AppDomain>
  </AppDomains>
  <Hosts>
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
                    <TaskpaneId>KPIPilot.Pane</TaskpaneId>
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
        <bt:String id="Functions.Namespace" DefaultValue="KPI"/>
        <bt:String id="GetStarted.Title" DefaultValue="KPI Pilot is ready"/>
        <bt:String id="Group.Label" DefaultValue="KPI Pilot"/>
        <bt:String id="Button.Label" DefaultValue="KPI Pilot"/>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="GetStarted.Description" DefaultValue="Type =KPI. in a cell to see the KPI functions, or open KPI Pilot from the Home tab."/>
        <bt:String id="Button.Tooltip" DefaultValue="Pick KPIs, set goals and generate dashboard sheets."/>
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}

/** "1.2.3" -> "1.2.3.0": Office wants four numeric parts. */
export function toFourPartVersion(version: string): string {
  const parts = version.split(/[.+-]/).slice(0, 4).map((p) => (/^\d+$/.test(p) ? p : '0'));
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
