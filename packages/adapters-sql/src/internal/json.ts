/**
 * The facade's JSON boundary: input values copied without recursion (bounded
 * depth, `Date`s as ISO strings, nothing but JSON), and output values with
 * Effect `DateTime`s as ISO strings.
 *
 * @internal
 */
import * as DateTime from "effect/DateTime"

/** A value that is not JSON, or nests deeper than the limit. @internal */
export interface Fault {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * A JSON copy of `input`, or the first fault: built with an explicit stack,
 * so no input (however deep, or cyclic) can exhaust the call stack. A `Date`
 * becomes its ISO-8601 string; an `undefined` property is left out, as
 * `JSON.stringify` does.
 *
 * @internal
 */
export const fromInput = (
  input: unknown,
  maxDepth: number
): { readonly _tag: "Right"; readonly value: unknown } | { readonly _tag: "Left"; readonly fault: Fault } => {
  const root: { value?: unknown } = {}
  const stack: Array<{ readonly value: unknown; readonly into: Record<string | number, unknown>; readonly key: string | number; readonly path: ReadonlyArray<PropertyKey> }> = [
    { value: input, into: root as Record<string, unknown>, key: "value", path: [] }
  ]
  while (stack.length > 0) {
    const { into, key, path, value } = stack.pop()!
    if (value === null || typeof value === "string" || typeof value === "boolean") {
      into[key] = value
    } else if (typeof value === "number") {
      if (!Number.isFinite(value)) return { _tag: "Left", fault: { path, message: `${value} is not a JSON number` } }
      into[key] = value
    } else if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) return { _tag: "Left", fault: { path, message: "Invalid Date" } }
      into[key] = value.toISOString()
    } else if (typeof value === "object") {
      if (path.length >= maxDepth) {
        return { _tag: "Left", fault: { path, message: `nested deeper than ${maxDepth} levels` } }
      }
      if (Array.isArray(value)) {
        const copy: Array<unknown> = new Array(value.length)
        into[key] = copy
        for (let i = value.length - 1; i >= 0; i--) {
          stack.push({ value: value[i], into: copy as unknown as Record<number, unknown>, key: i, path: [...path, i] })
        }
      } else if (isPlainObject(value)) {
        const copy: Record<string, unknown> = {}
        into[key] = copy
        const keys = Object.keys(value)
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i]!
          const v = (value as Record<string, unknown>)[k]
          if (v !== undefined) stack.push({ value: v, into: copy, key: k, path: [...path, k] })
        }
      } else {
        const name = (value as { constructor?: { name?: unknown } }).constructor?.name
        return { _tag: "Left", fault: { path, message: `a ${typeof name === "string" ? name : "non-plain object"} is not JSON` } }
      }
    } else {
      return { _tag: "Left", fault: { path, message: `a ${typeof value} is not JSON` } }
    }
  }
  return { _tag: "Right", value: root.value }
}

/**
 * An output value as JSON: Effect `DateTime`s as ISO-8601 strings, objects
 * as plain objects without their `undefined` properties.
 *
 * @internal
 */
export const toJson = (value: unknown): unknown => {
  if (value === null || typeof value !== "object") return value
  if (DateTime.isDateTime(value)) return DateTime.formatIso(value)
  if (Array.isArray(value)) return value.map(toJson)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined && typeof v !== "function") out[key] = toJson(v)
  }
  return out
}
