import { expect } from 'vitest';
import { CalqueError, type ErrorCode } from '../../main/contract/api.js';

/** Await a promise that must reject with a CalqueError of this code; returns the error for more checks. */
export async function rejectsWith(p: Promise<unknown>, code: ErrorCode): Promise<CalqueError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected CalqueError ${code}`).toBeInstanceOf(CalqueError);
  expect((err as CalqueError).code).toBe(code);
  return err as CalqueError;
}
