import { RawCellContent } from 'hyperformula';
import type { SheetRole } from '../../core/dashboard/plan';
import { SheetLook, Workbook } from './workbook';

/**
 * The playground workbook kept in the browser across reloads: every sheet with its contents
 * (formulas as typed), its formats and its KPI Pilot marker. Sheets of the sample company the
 * user never edited are stored as a mention only, and rebuilt from the generator on load, so a
 * saved workbook stays a few hundred kilobytes while the sample is megabytes of cells.
 */
export const WORKBOOK_KEY = 'kpipilot.workbook';
const VERSION = 1;

interface SavedSheet {
  name: string;
  /** Rebuilt from the sample under this name (the user never changed it). */
  sample?: true;
  cells?: RawCellContent[][];
  marker?: SheetRole;
  look?: Omit<SheetLook, 'cells'> & { cells: [string, { numberFormat?: string | null; style?: unknown }][] };
}

interface Saved {
  version: number;
  sheets: SavedSheet[];
}

/** The text to store: untouched sample sheets by name, the others in full. */
export function serializeWorkbook(workbook: Workbook, untouchedSample: ReadonlySet<string>): string {
  const sheets: SavedSheet[] = workbook.sheetNames().map((name) => {
    const id = workbook.sheetId(name);
    const marker = workbook.markers.get(id);
    const look = workbook.lookOf(id);
    const savedLook = look ? { ...look, cells: [...look.cells.entries()] } : undefined;
    if (!marker && untouchedSample.has(name) && !look) return { name, sample: true };
    return {
      name,
      cells: workbook.hf.getSheetSerialized(id) as RawCellContent[][],
      ...(marker ? { marker } : {}),
      ...(savedLook ? { look: savedLook } : {}),
    };
  });
  return JSON.stringify({ version: VERSION, sheets } satisfies Saved);
}

/**
 * A workbook from stored text, sample sheets taken from `sample`; undefined when the text is
 * from another version or unreadable (the page then starts from the sample).
 */
export function restoreWorkbook(
  text: string | null,
  sample: Record<string, RawCellContent[][]>,
): { workbook: Workbook; untouched: Set<string> } | undefined {
  if (!text) return undefined;
  let saved: Saved;
  try {
    saved = JSON.parse(text) as Saved;
  } catch {
    return undefined;
  }
  if (saved?.version !== VERSION || !Array.isArray(saved.sheets) || !saved.sheets.length) return undefined;
  const contents: Record<string, RawCellContent[][]> = {};
  const untouched = new Set<string>();
  for (const s of saved.sheets) {
    if (s.sample) {
      if (!sample[s.name]) return undefined; // the sample changed shape: start afresh
      contents[s.name] = sample[s.name];
      untouched.add(s.name);
    } else contents[s.name] = s.cells ?? [];
  }
  const workbook = new Workbook(contents);
  for (const s of saved.sheets) {
    const id = workbook.sheetId(s.name);
    if (s.marker) workbook.markers.set(id, s.marker);
    if (s.look) {
      const look = workbook.look(id);
      Object.assign(look, { ...s.look, cells: new Map(s.look.cells) });
    }
  }
  return { workbook, untouched };
}
