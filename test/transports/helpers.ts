import { expect } from '@open-wc/testing';
import { TransportError } from '../../src/core/transport.js';

/** The TransportError a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<TransportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(TransportError);
    return error as TransportError;
  }
  throw new Error('Expected the promise to reject.');
}
