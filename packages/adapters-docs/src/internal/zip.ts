/**
 * Zip packages with the same bytes for the same document: `docx` zips its
 * parts with the machine's clock as every entry's modification time. The
 * time and date fields of each local file header and central directory
 * header are rewritten in place (no CRC covers them), to a fixed instant.
 */

/** MS-DOS time and date of an instant (UTC), as zip headers store them; 1980-01-01 at the earliest. */
const dosDateTime = (ms: number): { time: number; date: number } => {
  const d = new Date(Math.max(ms, Date.UTC(1980, 0, 1)))
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate()
  }
}

/**
 * Sets the modification time of every entry of a zip to `ms` (epoch
 * milliseconds), in place, and returns the bytes. Walks the central directory
 * from the end-of-central-directory record, so it reads every entry whatever
 * the local headers say.
 */
export const stampZip = (bytes: Uint8Array, ms: number): Uint8Array => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const { time, date } = dosDateTime(ms)
  // End of central directory: 22 bytes, plus a comment of at most 65,535.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return bytes
  const entries = view.getUint16(eocd + 10, true)
  let p = view.getUint32(eocd + 16, true)
  for (let n = 0; n < entries && p + 46 <= bytes.length && view.getUint32(p, true) === 0x02014b50; n++) {
    view.setUint16(p + 12, time, true)
    view.setUint16(p + 14, date, true)
    const local = view.getUint32(p + 42, true)
    if (local + 30 <= bytes.length && view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, time, true)
      view.setUint16(local + 12, date, true)
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true)
  }
  return bytes
}
