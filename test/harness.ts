import { createDesk, type Desk, type DeskOptions } from '../src/core/desk/desk.js';
import { SimulatedTransport, type SimulatedTransportOptions } from '../src/transports/simulated/index.js';
import { TestTransport, type TestTransportOptions } from './test-transport.js';

export { deferred, SAMPLE_RECORDS, TestTransport, type Deferred, type EventInput, type TestTransportOptions } from './test-transport.js';

/**
 * One way for tests to make desks: every desk made here is disposed after the test that made it
 * (an `afterEach` this module registers in every test file that imports it), so no desk keeps
 * timers, sockets or BroadcastChannels running into the next test.
 */
const live = new Set<Desk>();

/**
 * A desk that is disposed after the current test. Storage is in memory unless the options say
 * otherwise (`storage: undefined` gives the desk's own default, IndexedDB).
 */
export function testDesk(options: DeskOptions): Desk {
  return adopt(createDesk({ storage: 'memory', ...options }));
}

/** Hands a desk made some other way to the harness, to be disposed after the current test. */
export function adopt(desk: Desk): Desk {
  live.add(desk);
  return desk;
}

/** Disposes one desk now (a page that goes away mid-test); the harness forgets it. */
export function dispose(desk: Desk): void {
  live.delete(desk);
  desk.dispose();
}

/** Disposes every desk made since the last call. */
export function disposeDesks(): void {
  const desks = [...live];
  live.clear();
  for (const desk of desks) desk.dispose();
}

afterEach(disposeDesks);

export interface DeskOn<T> {
  desk: Desk;
  transport: T;
}

type DeskExtras = Partial<Omit<DeskOptions, 'transport'>>;

/** A connected desk on a SimulatedTransport (seed 1 unless given). */
export async function simDesk(
  simOptions: SimulatedTransportOptions = {},
  deskOptions: DeskExtras = {},
): Promise<DeskOn<SimulatedTransport>> {
  const transport = new SimulatedTransport({ seed: 1, ...simOptions });
  const desk = testDesk({ transport, ...deskOptions });
  await desk.connect();
  return { desk, transport };
}

/**
 * A connected desk on a TestTransport. `sim` puts a SimulatedTransport (made from these options)
 * behind it; without it the test drives the transport with `emit()`.
 */
export async function testTransportDesk(
  options: Omit<TestTransportOptions, 'sim'> & { sim?: SimulatedTransportOptions } = {},
  deskOptions: DeskExtras = {},
): Promise<DeskOn<TestTransport>> {
  const { sim, ...rest } = options;
  const transport = new TestTransport({ ...rest, ...(sim ? { sim: new SimulatedTransport({ seed: 1, ...sim }) } : {}) });
  const desk = testDesk({ transport, ...deskOptions });
  await desk.connect();
  return { desk, transport };
}

/** Deletes an IndexedDB database; resolves once it is gone (after every connection to it has closed). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
