/**
 * Text that every writer can put in a file: what people paste from a word
 * processor or type into a form may hold characters that XML 1.0 forbids
 * (C0 controls other than tab, line feed and carriage return; U+FFFE and
 * U+FFFF), unpaired UTF-16 surrogates (which no UTF-8 encoder can write), C1
 * controls and noncharacters. One such character makes an ODT or DOCX part
 * not well-formed, and an office suite refuses the whole file.
 *
 * Word's vertical tab (its manual line break), form feed (its page break)
 * and NEL become a line feed, which each writer turns into its own line
 * break; every other offending character is dropped. Text without any of
 * them is returned as is (one regular-expression test).
 */

/** Characters that become a line feed: Word's manual line break (VT), its page break (FF), NEL. */
const BREAKS = /[\u000B\u000C\u0085]/g

/**
 * Characters dropped: C0 controls but tab, LF, CR (VT and FF handled above);
 * DEL and the C1 controls; U+FDD0–U+FDEF and the noncharacters at the end of
 * every plane; unpaired surrogates.
 */
const DROPPED =
  /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Quick test: any character to break or drop. */
const ANY =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]/

/**
 * The text with every character XML 1.0 forbids removed (or turned into a
 * line feed, for VT, FF and NEL). Idempotent; the identity on clean text.
 */
export const clean = (s: string): string => (ANY.test(s) ? s.replace(BREAKS, "\n").replace(DROPPED, "") : s)
