import { columnLetter, columnNumber } from './a1';
import { fieldsNeeded, KpiId } from './catalog';
import { DATASETS, DatasetId, datasetOf, FieldInfo, FieldRef, FIELDS, normalise } from './fields';
import { DataMapping } from './setup';

/** What a host tells us about one sheet: its name, its header cells, how many data rows follow. */
export interface SheetInfo {
  readonly name: string;
  readonly headers: readonly unknown[];
  /** 1-based row holding the headers; default 1. */
  readonly headerRow?: number;
  /** Data rows below the header (used to prefer sheets with data and reported back). */
  readonly rows: number;
}

export interface FieldMatch {
  readonly field: FieldRef;
  readonly sheet: string;
  readonly column: string;
  readonly header: string;
  /** 1 for an exact synonym, about 0.6 for a header that contains one. */
  readonly score: number;
}

export interface MappingProposal {
  readonly mapping: DataMapping;
  readonly matches: readonly FieldMatch[];
}

/** Fields that must be found for a sheet to count as holding the dataset. */
const KEY_FIELDS: Record<DatasetId, { all: readonly string[]; any: readonly string[] }> = {
  marketing: { all: ['date'], any: ['spend', 'leads', 'sessions', 'customers', 'revenue', 'opportunities'] },
  ledger: { all: ['customer', 'month', 'mrr'], any: [] },
  deals: { all: ['closed', 'outcome'], any: [] },
  orders: { all: ['date', 'amount'], any: [] },
  touches: { all: ['journey', 'timestamp', 'channel', 'converted'], any: [] },
};
const MIN_SCORE = 0.5;
const HINT_BONUS = 0.75;

/** How well one header names one field: exact synonym (earlier synonyms a little better) or whole words inside it. */
export function headerScore(field: FieldInfo, header: unknown): number {
  const h = normalise(header);
  if (!h) return 0;
  let best = 0;
  field.headers.forEach((syn, i) => {
    if (h === syn) best = Math.max(best, 1 - 0.02 * Math.min(i, 15));
    else if (` ${h} `.includes(` ${syn} `)) best = Math.max(best, 0.6 - 0.01 * Math.min(i, 10));
  });
  return best;
}

interface Candidate {
  dataset: DatasetId;
  sheet: SheetInfo;
  score: number;
  columns: Record<string, { column: string; header: string; score: number }>;
}

/**
 * Proposes where each dataset and field lives, from header names only. Each sheet serves at most
 * one dataset; datasets are placed best match first. O(sheets × columns × synonyms).
 * The result is a suggestion: the user fixes it with setColumn / setSheet.
 * @example detectMapping([{ name: 'Deals', headers: ['Deal Stage', 'Close Date', 'Amount'], rows: 10 }]).mapping.deals
 *   // => { sheet: 'Deals', headerRow: 1, columns: { outcome: 'A', closed: 'B', amount: 'C' } }
 */
export function detectMapping(sheets: readonly SheetInfo[]): MappingProposal {
  const candidates: Candidate[] = [];
  for (const ds of DATASETS) {
    for (const sheet of sheets) {
      const c = candidateFor(ds.id, sheet);
      if (c) candidates.push(c);
    }
  }
  candidates.sort((a, b) => b.score - a.score || b.sheet.rows - a.sheet.rows);
  const mapping: DataMapping = {};
  const matches: FieldMatch[] = [];
  const usedSheets = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.dataset] || usedSheets.has(c.sheet.name)) continue;
    usedSheets.add(c.sheet.name);
    const columns: Record<string, string> = {};
    for (const [field, m] of Object.entries(c.columns)) {
      columns[field] = m.column;
      matches.push({ field: `${c.dataset}.${field}` as FieldRef, sheet: c.sheet.name, column: m.column, header: m.header, score: m.score });
    }
    mapping[c.dataset] = { sheet: c.sheet.name, headerRow: c.sheet.headerRow ?? 1, columns };
  }
  return { mapping, matches };
}

function candidateFor(dataset: DatasetId, sheet: SheetInfo): Candidate | undefined {
  const { columns, score: matched } = matchColumns(dataset, sheet);
  let score = matched;
  const key = KEY_FIELDS[dataset];
  if (!key.all.every((f) => columns[f]) || (key.any.length && !key.any.some((f) => columns[f]))) return undefined;
  const info = DATASETS.find((d) => d.id === dataset)!;
  const sheetName = normalise(sheet.name);
  if (info.sheetHints.some((hint) => sheetName.includes(hint))) score += HINT_BONUS;
  return { dataset, sheet, score, columns };
}

function matchColumns(dataset: DatasetId, sheet: SheetInfo): { columns: Candidate['columns']; score: number } {
  const fields = FIELDS.filter((f) => datasetOf(f.ref) === dataset);
  // every (field, column) pair with a score, best first, then a greedy one-to-one assignment
  const pairs: { field: FieldInfo; col: number; score: number }[] = [];
  for (const field of fields) {
    sheet.headers.forEach((h, col) => {
      const score = headerScore(field, h);
      if (score >= MIN_SCORE) pairs.push({ field, col, score });
    });
  }
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const columns: Candidate['columns'] = {};
  const usedCols = new Set<number>();
  let score = 0;
  for (const p of pairs) {
    const name = p.field.ref.slice(dataset.length + 1);
    if (columns[name] || usedCols.has(p.col)) continue;
    usedCols.add(p.col);
    columns[name] = { column: columnLetter(p.col + 1), header: String(sheet.headers[p.col]), score: p.score };
    score += p.score;
  }
  return { columns, score };
}

/** The fields of these KPIs (and the KPIs they are built from) that the mapping lacks. */
export function missingFields(mapping: DataMapping, kpis: readonly KpiId[]): FieldRef[] {
  const out = new Set<FieldRef>();
  for (const id of kpis) for (const f of fieldsNeeded(id)) if (!hasField(mapping, f)) out.add(f);
  return [...out];
}

export function hasField(mapping: DataMapping, ref: FieldRef): boolean {
  const ds = mapping[datasetOf(ref)];
  return !!ds && !!ds.columns[ref.slice(ref.indexOf('.') + 1)];
}

/** The user's fix: put a field in a column (or remove it with null). Returns a new mapping. */
export function setColumn(mapping: DataMapping, ref: FieldRef, column: string | null): DataMapping {
  const ds = datasetOf(ref);
  const current = mapping[ds];
  if (!current) throw new Error(`choose the sheet of ${ds} before its columns`);
  if (column !== null && columnNumber(column) === undefined) throw new Error(`${column} is not a column letter`);
  const columns = { ...current.columns };
  const name = ref.slice(ds.length + 1);
  if (column === null) delete columns[name];
  else columns[name] = column.toUpperCase();
  return { ...mapping, [ds]: { ...current, columns } };
}

/** The user's fix: the dataset lives on another sheet (its columns are detected again there), or nowhere (null). */
export function setSheet(mapping: DataMapping, dataset: DatasetId, sheet: SheetInfo | null): DataMapping {
  const next = { ...mapping };
  if (!sheet) {
    delete next[dataset];
    return next;
  }
  const columns: Record<string, string> = {};
  for (const [f, m] of Object.entries(matchColumns(dataset, sheet).columns)) columns[f] = m.column;
  next[dataset] = { sheet: sheet.name, headerRow: sheet.headerRow ?? 1, columns };
  return next;
}
