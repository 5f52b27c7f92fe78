/**
 * Validators and response writers are compiled on first use: compiling all of a server's schemas took about half a
 * second of every start. What is not compiled yet waits here, so the server can compile it in the background once
 * it serves (a route's first request then finds it ready) and a test can compile all of it to find a schema that
 * ajv or fast-json-stringify refuses, which would otherwise surface only as a route's first request failing.
 */
const pending = new Set<() => void>();

/** `compile` runs once: on the first call of the function this returns, or by compilePending, whichever is first. */
export function lazily<T>(compile: () => T): () => T {
  let made: { value: T } | undefined;
  const get = () => {
    if (!made) {
      made = { value: compile() };
      pending.delete(get);
    }
    return made.value;
  };
  pending.add(get);
  return get;
}

/** Compiles up to `budget` pending schemas; returns how many are left. */
export function compilePending(budget = Infinity): number {
  for (const get of pending) {
    if (budget-- <= 0) break;
    get();
  }
  return pending.size;
}

/** Compiles what is pending a few schemas per turn of the event loop, so requests are answered meanwhile. */
export function compileInBackground(onError: (err: unknown) => void): void {
  const step = () => {
    try {
      if (compilePending(8) > 0) setImmediate(step);
    } catch (err) {
      onError(err);
    }
  };
  setImmediate(step);
}
