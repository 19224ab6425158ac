/** Growing typed arrays: what the compact structures of the reader and the run (key slots, value columns, marks by row) share. */

type Numbers = Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** `array` when it holds index `at`, else a copy of it at least twice as long, its new entries `fill`. */
export function holding<T extends Numbers>(array: T, at: number, make: (length: number) => T, fill = 0): T {
  if (at < array.length) return array;
  const larger = make(Math.max(at + 1, array.length * 2));
  if (fill !== 0) larger.fill(fill);
  larger.set(array);
  return larger;
}

export const int32s = (length: number): Int32Array<ArrayBuffer> => new Int32Array(length);
export const uint32s = (length: number): Uint32Array<ArrayBuffer> => new Uint32Array(length);
export const bytes = (length: number): Uint8Array<ArrayBuffer> => new Uint8Array(length);
export const float64s = (length: number): Float64Array<ArrayBuffer> => new Float64Array(length);
