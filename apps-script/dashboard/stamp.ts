/**
 * A short fingerprint of what a dashboard plan depends on in the workbook (its sheets and
 * markers, KPI Goals as read back, the last generated setup).
 * The sidebar plans between two server calls; the second one reads these again under the lock
 * and writes only when the fingerprint is the same. FNV-1a over the JSON text: 32 bits are
 * plenty to tell "changed" from "unchanged" for one workbook a few seconds apart. O(text).
 */
export function stampOf(inputs: unknown): string {
  const text = JSON.stringify(inputs);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${h.toString(36)}`;
}
