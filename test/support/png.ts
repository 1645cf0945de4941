// A small PNG reader for tests (RFC 2083 / ISO 15948): checks the signature, reads IHDR, inflates the IDAT
// stream and undoes the scanline filters, so a test can say "this is a W×H picture with something drawn on
// it" without an image library. Truecolour (2) and truecolour with alpha (6) at 8 bits, what resvg writes.
import { inflateSync } from "node:zlib";

export interface DecodedPng {
  width: number;
  height: number;
  /** Distinct RGBA values among the pixels (a blank picture has 1). */
  distinctColours: number;
  /** Share of pixels that differ from the top-left pixel (the background). */
  nonBackgroundShare: number;
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(bytes: Uint8Array): DecodedPng {
  const data = Buffer.from(bytes);
  if (!data.subarray(0, 8).equals(signature)) throw new Error("not a PNG: bad signature");
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString("ascii", offset + 4, offset + 8);
    const chunk = data.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      if (chunk[8] !== 8) throw new Error(`unsupported bit depth ${chunk[8]}`);
      colourType = chunk[9] ?? 0;
    } else if (type === "IDAT") idat.push(chunk);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (channels === 0) throw new Error(`unsupported colour type ${colourType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const value = line[x] ?? 0;
      let out: number;
      if (filter === 0) out = value;
      else if (filter === 1) out = value + a;
      else if (filter === 2) out = value + b;
      else if (filter === 3) out = value + Math.floor((a + b) / 2);
      else if (filter === 4) out = value + paeth(a, b, c);
      else throw new Error(`bad filter ${filter}`);
      pixels[y * stride + x] = out & 0xff;
    }
  }
  const colours = new Set<string>();
  const background = pixels.subarray(0, channels).toString("hex");
  let differing = 0;
  for (let i = 0; i < pixels.length; i += channels) {
    const colour = pixels.subarray(i, i + channels).toString("hex");
    colours.add(colour);
    if (colour !== background) differing++;
  }
  return { width, height, distinctColours: colours.size, nonBackgroundShare: differing / (width * height) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}
