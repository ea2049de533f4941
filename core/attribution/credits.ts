/** What a model returns: credited conversions (and value, when values were given) per channel id. */
export interface Credits {
  readonly conversions: Float64Array;
  readonly value: Float64Array | null;
}

export function emptyCredits(channels: number, withValue: boolean): Credits {
  return { conversions: new Float64Array(channels), value: withValue ? new Float64Array(channels) : null };
}
