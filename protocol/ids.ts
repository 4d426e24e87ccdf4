/** Each byte's two hex digits: formatting an id is 16 lookups (the hub makes one per message). */
const hexOfByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

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
  return `${hex(bytes, 0, 4)}-${hex(bytes, 4, 6)}-${hex(bytes, 6, 8)}-${hex(bytes, 8, 10)}-${hex(bytes, 10, 16)}`;
}

function hex(bytes: Uint8Array, from: number, to: number): string {
  let digits = '';
  for (let i = from; i < to; i++) digits += hexOfByte[bytes[i]!];
  return digits;
}
