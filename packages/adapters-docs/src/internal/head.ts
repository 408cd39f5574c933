import type { Document } from "../Document.js"
import type { Theme } from "../Theme.js"
import { formatDate } from "../Typography.js"
import { labels } from "./labels.js"
import { clean } from "./safe.js"

/** The language a renderer writes in: the theme's, else the document's. */
export const langOf = (doc: Document, theme: Theme) => theme.lang ?? doc.meta.lang

/** The service name: the theme's (integrator) wins over the document's. */
export const serviceOf = (doc: Document, theme: Theme) => theme.serviceName ?? doc.meta.serviceName

/** The line under the title: "Émis le jeudi 3 décembre 2026". */
export const issuedLine = (doc: Document, theme: Theme): string | undefined =>
  doc.meta.issuedAt === undefined
    ? undefined
    : `${labels(langOf(doc, theme)).issuedOn} ${formatDate(doc.meta.issuedAt, langOf(doc, theme))}`

/** The audience line: "Destinataires : …", or "Destinataire : …" for a document addressed to one person. */
export const audienceLine = (doc: Document, theme: Theme): string | undefined => {
  const colon = langOf(doc, theme) === "fr" ? "\u00a0:" : ":"
  if (doc.meta.recipient !== undefined) return `${labels(langOf(doc, theme)).recipient}${colon} ${doc.meta.recipient}`
  return doc.meta.audience === undefined ? undefined : `${labels(langOf(doc, theme)).audience}${colon} ${doc.meta.audience}`
}

/** Base64 of bytes, without Buffer (works in browsers too). */
export const base64 = (bytes: Uint8Array): string => {
  let s = ""
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

/** Pixel size of a PNG or JPEG, read from its header (for aspect ratios). */
export const imageSize = (bytes: Uint8Array, mime: "image/png" | "image/jpeg"): { width: number; height: number } => {
  if (mime === "image/png" && bytes.length >= 24) {
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    return { width: v.getUint32(16), height: v.getUint32(20) }
  }
  // JPEG: walk the segments to the first SOFn marker.
  let i = 2
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) break
    const marker = bytes[i + 1]!
    const len = (bytes[i + 2]! << 8) | bytes[i + 3]!
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! }
    }
    i += 2 + len
  }
  return { width: 1, height: 1 }
}

/** XML text escaping, after dropping what XML 1.0 forbids ({@link clean}). */
const XML_SPECIAL = /[&<>"]/
export const escapeXml = (raw: string): string => {
  const s = clean(raw)
  return !XML_SPECIAL.test(s) ? s : s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}
