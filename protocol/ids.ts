/**
 * A UUID v7 (RFC 9562) from `random` (16 random bytes, overwritten): the first 48 bits are
 * the time in milliseconds, so ids made one after another sort in that order. Command ids
 * and message ids are both indexed by the hub; ids that follow time are added at the end
 * of those indexes instead of on a random page of them, which keeps the pages a write
 * touches (and a checkpoint writes back) few.
 */
export function timeOrderedUuid(random: Uint8Array, now = Date.now()): string {
  const bytes = random;
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(now / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
