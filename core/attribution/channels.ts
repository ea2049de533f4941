import { valueError } from '../errors';

/**
 * Channel names as the user typed them, matched without regard to case or extra spaces:
 * "Paid Search", "paid  search" and " PAID SEARCH " are one channel, shown with the spelling
 * seen first. Ids are dense integers 0..size-1 so the models can use typed arrays.
 */
export class ChannelIndex {
  private readonly byKey = new Map<string, number>();
  /** Fast path: the exact raw token seen before maps straight to its id. */
  private readonly byRaw = new Map<string, number>();
  readonly names: string[] = [];

  get size(): number {
    return this.names.length;
  }

  /** The id of a channel, adding it on first sight. `raw` must already be non-empty after trimming. */
  idOf(raw: string): number {
    const known = this.byRaw.get(raw);
    if (known !== undefined) return known;
    const name = normaliseChannel(raw);
    const key = name.toLowerCase();
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.byKey.set(key, id);
      this.names.push(name);
    }
    this.byRaw.set(raw, id);
    return id;
  }

  /** Looks a channel up without adding it; undefined when unknown. */
  find(raw: string): number | undefined {
    return this.byKey.get(normaliseChannel(raw).toLowerCase());
  }
}

/** Trims and collapses runs of white space, so "google   ads " reads as "google ads". */
export function normaliseChannel(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** The separator of a path, as in the ChannelAttribution layout "Email > Search > Direct". */
export const PATH_SEPARATOR = '>';

/**
 * Splits one path text into channel ids, adding new channels to `index`. `where` names the cell,
 * called only for a message (positions can cost O(rows) to work out).
 * Cost: linear in the length of the text.
 * @throws #VALUE! when the path is empty or has an empty step ("A >> B", "> A", "A >").
 * @example splitPath("Email > search > email", idx, () => "paths, row 1") // [0, 1, 0]
 */
export function splitPath(text: string, index: ChannelIndex, where: () => string): number[] {
  const parts = text.split(PATH_SEPARATOR);
  const ids: number[] = new Array(parts.length);
  for (let k = 0; k < parts.length; k++) {
    const raw = parts[k];
    if (raw.trim() === '') {
      throw valueError(
        parts.length === 1
          ? `${where()}: the path is empty; write channels separated by ">", like "Email > Search"`
          : `${where()}: ${JSON.stringify(text)} has an empty step (step ${k + 1} of ${parts.length}); write channels separated by ">", like "Email > Search"`,
      );
    }
    ids[k] = index.idOf(raw);
  }
  return ids;
}
