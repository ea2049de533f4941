import { deflateSync } from 'zlib';

/**
 * The add-in's icons: a rounded gauge mark drawn pixel by pixel into a PNG, so the repo carries
 * no binary assets and the sizes Office asks for (16, 32, 64, 80) stay in step.
 */
export function iconPng(size: number): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const dx = (x - c) / (size / 2);
      const dy = (y - c) / (size / 2);
      const r = Math.hypot(dx, dy);
      const inside = r <= 0.95;
      const ring = r > 0.62 && r <= 0.95 && dy < 0.2; // the gauge arc
      const needle = Math.abs(dx + dy) < 0.12 && dx > -0.05 && dy < 0.05 && r < 0.7;
      const [red, green, blue, alpha] = !inside ? [0, 0, 0, 0] : ring || needle ? [255, 255, 255, 255] : [26, 115, 232, 255];
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = red;
      raw[o + 1] = green;
      raw[o + 2] = blue;
      raw[o + 3] = alpha;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
