import type { Lang } from "../Document.js"

/** Fixed words the renderers print around a document's own text. */
export const labels = (lang: Lang) =>
  lang === "fr"
    ? {
        issuedOn: "Émis le",
        audience: "Destinataires",
        recipient: "Destinataire",
        service: "Service",
        page: (n: number, of: number) => `Page ${n} sur ${of}`,
        note: { info: "À noter", warning: "Attention", confidential: "Confidentiel" },
        logo: "Logo du service"
      }
    : {
        issuedOn: "Issued on",
        audience: "Audience",
        recipient: "Addressed to",
        service: "Service",
        page: (n: number, of: number) => `Page ${n} of ${of}`,
        note: { info: "Note", warning: "Warning", confidential: "Confidential" },
        logo: "Service logo"
      }
