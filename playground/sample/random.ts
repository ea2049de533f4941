export { seededRandom as seeded } from '../../core/math/random';

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}
