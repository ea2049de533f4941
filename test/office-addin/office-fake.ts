/**
 * Office's common API (Office.context: displayLanguage, document settings) through
 * office-addin-mock. The mock's package imports office-addin-manifest only for its OfficeApp
 * enum, and that package pulls in ES modules jest cannot require on Node 20: the enum is given here.
 */
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { OfficeMockObject } from 'office-addin-mock';

export interface OfficeFake {
  readonly office: typeof Office;
  readonly store: Record<string, unknown>;
  /** Number of saveAsync calls. */
  saves: number;
}

/**
 * Office's common API through office-addin-mock. Office.context has no load/sync, which the mock
 * models in its "outlook" mode (values readable directly); document settings are a property bag
 * whose saveAsync calls back with a status, failing on demand.
 */
export function officeFake(displayLanguage = 'en-US', initial: Record<string, unknown> = {}, failSave = false): OfficeFake {
  const store: Record<string, unknown> = { ...initial };
  const fake: OfficeFake = { store, saves: 0, office: undefined as unknown as typeof Office };
  const mock = new OfficeMockObject(
    {
      context: {
        displayLanguage,
        document: {
          settings: {
            get: (name: string) => (name in store ? store[name] : null),
            set: (name: string, value: unknown) => void (store[name] = value),
            saveAsync: (callback: (r: { status: string; error?: { message: string } }) => void) => {
              fake.saves++;
              callback(failSave ? { status: 'failed', error: { message: 'the document is read-only' } } : { status: 'succeeded' });
            },
          },
        },
      },
    },
    'outlook' as never,
  );
  (fake as { office: typeof Office }).office = mock as unknown as typeof Office;
  return fake;
}
