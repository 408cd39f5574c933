/**
 * Handlers of the review (bilan, RES-06, CNF-06) and of the agents'
 * testimonials (CNF-05).
 */
import * as Release from "../release.js"
import { type Handlers, invalid, ok, refuse, refuseAll } from "./common.js"

export const review: Handlers<"PresentReview" | "RecordTestimonial" | "PublishTestimonial"> = {
  PresentReview: (c, s, at) => {
    const review = { preparedAt: at, text: c.text, presentedAt: at, body: c.body }
    const leak = Release.reviewLeaks({ ...s, review })
    if (leak.length > 0) return refuseAll(leak)
    return ok({ _tag: "ReviewPresented", at, review })
  },
  RecordTestimonial: (c, s, at) => {
    if (!s.members.some((m) => m.agentId === c.agentId)) {
      return invalid(c, ["agentId"], {
        fr: "un témoignage vient d'un agent ayant participé aux travaux",
        en: "a testimonial comes from an agent who took part in the work"
      })
    }
    if (s.testimonials.some((t) => t.id === c.testimonialId)) {
      return invalid(c, ["testimonialId"], { fr: "témoignage déjà consigné", en: "testimonial already recorded" })
    }
    const base = { id: c.testimonialId, agentId: c.agentId, text: c.text }
    return ok({ _tag: "TestimonialRecorded", at, testimonial: c.consent ? { ...base, consentAt: at } : base })
  },
  PublishTestimonial: (c, s, at) => {
    const index = s.testimonials.findIndex((t) => t.id === c.testimonialId)
    const t = s.testimonials[index]
    if (t === undefined) return invalid(c, ["testimonialId"], { fr: "témoignage inconnu", en: "unknown testimonial" })
    if (t.consentAt === undefined) {
      return refuse("CNF-05", ["testimonials", index, "consentAt"], {
        fr: "Un témoignage n'est publié qu'avec le consentement enregistré de l'agent.",
        en: "A testimonial is published only with the agent's recorded consent."
      })
    }
    if (t.publishedAt !== undefined) return invalid(c, ["testimonialId"], { fr: "déjà publié", en: "already published" })
    return ok({ _tag: "TestimonialPublished", at, testimonialId: c.testimonialId })
  }
}
