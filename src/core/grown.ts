/** A typed array with room for at least `length` elements (twice the room, or more), holding what `a` held. */
export function grown<A extends Int32Array | Float64Array | Uint8Array>(a: A, length = 0): A {
  const bigger = new (a.constructor as new (n: number) => A)(Math.max(length, 2 * a.length));
  bigger.set(a);
  return bigger;
}
